using System.Text.Json;
using Freight.Connectors;
using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Logs;
using Freight.Core.RecordMaps;
using Microsoft.Extensions.Logging;

namespace Freight.Core.Engine;

/// <summary>
/// Runs one claimed job to its end (BRIEF §3): the schema phase, then each selected entity phase in dependency
/// order, reading the source into batches that are stored before any write, writing them through the target,
/// and checkpointing as it goes, while a heartbeat keeps the lease and watches for cancellation.
/// </summary>
public sealed partial class JobRunner(
    JobStore jobs,
    JobQueue queue,
    BatchStore batches,
    RecordMapStore maps,
    JobLogStore logs,
    ConnectorRegistry registry,
    EngineOptions options,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<JobRunner>();

    /// <summary>
    /// Works on <paramref name="job"/> (claimed by this worker) until it is finished, cancelled, or the lease is
    /// lost; <paramref name="stopping"/> hands the job back unfinished for another worker to resume.
    /// </summary>
    public async Task RunAsync(Job job, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var lease = new LeaseWatch();
        var heartbeat = KeepLeaseAsync(job, lease, run);
        try
        {
            await RunPhasesAsync(job, run.Token);
            await FinishAsync(job, fresh => fresh.Complete(withErrors: fresh.FailedRecords > 0, time.GetUtcNow()));
        }
        catch (OperationCanceledException) when (lease.CancelRequested)
        {
            // The batch in hand goes back to pending, so the checkpoint holds no half-done work.
            await batches.RequeueInterruptedAsync(job.Id, options.WorkerId, CancellationToken.None);
            await LogAsync(job, JobLogLevel.Info, "Cancelled; the checkpoint is kept.");
            await FinishAsync(job, fresh => fresh.MarkCancelled(time.GetUtcNow()));
        }
        catch (Exception error) when (lease.Lost || error is LeaseLostException)
        {
            EngineLog.LeaseLost(_logger, job.Id);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Shutting down: whatever the interrupted call threw, the job goes back unfinished to be resumed.
            await queue.ReleaseAsync(job.Id, options.WorkerId, CancellationToken.None);
        }
        catch (Exception error) when (JobFailure.Describe(error) is { } reason)
        {
            await LogAsync(job, JobLogLevel.Error, reason);
            await FinishAsync(job, fresh => fresh.Fail(reason, time.GetUtcNow()));
        }
        finally
        {
            await run.CancelAsync();
            await heartbeat;
        }
    }

    private async Task RunPhasesAsync(Job job, CancellationToken cancellationToken)
    {
        var context = new ConnectorContext(time, loggerFactory, OutboundPolicy.Parse(options.OutboundAllowlist));
        await using var source = registry.CreateSource(job.SourceSystem, Config(jobs.ReadSourceConfig(job)), context);
        await using var target = registry.CreateTarget(job.TargetSystem, Config(jobs.ReadTargetConfig(job)), context);
        var interrupted = await batches.RequeueInterruptedAsync(job.Id, options.WorkerId, cancellationToken);
        if (interrupted > 0)
        {
            await LogAsync(job, JobLogLevel.Warning, $"Resumed: {interrupted} batch(es) the previous worker left running are queued again.");
        }

        // Each phase starts reading once the one before has read its source, and writing once every record of the one
        // before has started: its records then wait only for the ones they name (PhaseWrites), not for a whole phase.
        using var slots = new SemaphoreSlim(Math.Max(1, target.MaxParallelWrites));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var earlier = new List<RecordGate>();
        var previous = PhaseHandoff.None;
        var running = new List<Task>();
        foreach (var phase in Phases.ForSelection(job.Entities))
        {
            var state = job.Phases.Single(row => row.Phase == phase);
            if (state.Status == PhaseStatus.Completed && phase != Phase.Schema)
            {
                continue;
            }

            var handoff = new PhaseHandoff();
            var writes = new PhaseWrites(slots, new RecordGate(), [.. earlier]);
            running.Add(RunPhaseAsync(new PhaseRun(job, state, source, target, previous, handoff, writes), stop.Token));
            earlier.Add(writes.Gate);
            previous = handoff;
        }

        try
        {
            while (running.Count > 0)
            {
                var done = await Task.WhenAny(running);
                running.Remove(done);
                await done;
            }
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    private async Task RunPhaseAsync(PhaseRun run, CancellationToken cancellationToken)
    {
        var (job, state, source, target, previous, handoff, writes) = run;
        try
        {
            await previous.SourceRead.WaitAsync(cancellationToken);
            await jobs.SetPhaseStatusAsync(job.Id, options.WorkerId, state.Phase, PhaseStatus.Running, cancellationToken);
            if (state.Phase == Phase.Schema)
            {
                await EnsureSchemaAsync(job, source, target, handoff, cancellationToken);
            }
            else
            {
                await RunEntityPhaseAsync(run, cancellationToken);
            }

            await jobs.SetPhaseStatusAsync(job.Id, options.WorkerId, state.Phase, PhaseStatus.Completed, cancellationToken);
        }
        finally
        {
            writes.Gate.Close();
            handoff.Complete();
        }
    }

    private async Task EnsureSchemaAsync(Job job, ISourceConnector source, ITargetConnector target, PhaseHandoff handoff, CancellationToken cancellationToken)
    {
        var schema = await source.ReadSchemaAsync(cancellationToken);
        handoff.MarkSourceRead(); // the first entity phase reads its records while the target's schema is made
        if (job.DryRun)
        {
            await LogAsync(job, JobLogLevel.Info, $"Dry run: the target's schema is left as it is ({schema.Fields.Count} source fields, {schema.Lists.Count} lists).");
            return;
        }

        var report = await target.EnsureSchemaAsync(schema, cancellationToken);
        var entries = report.Created.Select(created => new LogEntry(JobLogLevel.Info, $"Schema: created {created}.", Phase.Schema))
            .Concat(report.Warnings.Select(warning => new LogEntry(JobLogLevel.Warning, $"Schema: {warning}", Phase.Schema)))
            .ToList();
        if (entries.Count > 0)
        {
            await logs.AppendAsync(job.Id, entries, cancellationToken);
        }
    }

    /// <summary>Reads the finished counters, applies <paramref name="finish"/> and ends the lease.</summary>
    private async Task FinishAsync(Job job, Action<Job> finish)
    {
        var fresh = await jobs.FindAsync(job.TenantId, job.Id, CancellationToken.None) ?? job;
        finish(fresh);
        if (!await queue.FinishAsync(fresh, options.WorkerId, CancellationToken.None))
        {
            EngineLog.FinishedAfterLeaseLost(_logger, job.Id, SnakeCase.Name(fresh.Status));
        }
    }

    private Task LogAsync(Job job, JobLogLevel level, string message, Phase? phase = null, Guid? batchId = null) =>
        logs.AppendAsync(job.Id, new LogEntry(level, message, phase, batchId), CancellationToken.None);

    private static JsonElement Config(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

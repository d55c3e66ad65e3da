using Freight.Connectors;
using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Logs;
using StoredPage = Freight.Core.Batches.SourcePage;

namespace Freight.Core.Engine;

public sealed partial class JobRunner
{
    /// <summary>
    /// One entity phase, as a pipeline that keeps the target's write budget busy: a reader stores source pages as
    /// batches (each with the cursor after it) up to <see cref="PhasePipeline.ReadAheadBatches"/> ahead of the writer,
    /// while the writer takes stored batches in sequence and writes them through the job's write slots, starting the
    /// next batch as soon as the current one's last record has a slot. The reader starts once the phase before has
    /// read its source, the writer once every record of the phase before has started; batches left pending (a resumed
    /// job, a requeued batch) are taken first, as stored. A record is written only after its batch was stored.
    /// </summary>
    private async Task RunEntityPhaseAsync(PhaseRun run, CancellationToken cancellationToken)
    {
        var (job, state, source, target, previous, handoff, writes) = run;
        var kind = EntityKinds.Of(state.Phase);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var pipeline = new PhasePipeline();
        if (state.SourceCompleted)
        {
            handoff.MarkSourceRead();
        }

        var reader = state.SourceCompleted
            ? Task.CompletedTask
            : ReadAheadAsync(job, state, kind, source, pipeline, handoff, stop.Token);
        var writing = new List<Task>();
        try
        {
            // The reader fills the read-ahead meanwhile; a failure of it ends the wait.
            await Task.WhenAny(previous.RecordsStarted, reader).WaitAsync(stop.Token);
            await (reader.IsFaulted ? reader : previous.RecordsStarted.WaitAsync(stop.Token));
            while (true)
            {
                await ObserveAsync(writing);
                if (writing.Count >= PhasePipeline.MaxBatchesInFlight)
                {
                    await Task.WhenAny(writing);
                    continue;
                }

                var changed = pipeline.Changed;
                if (await batches.StartNextAsync(job.Id, options.WorkerId, state.Phase, stop.Token) is { } batch)
                {
                    pipeline.Taken();
                    var dispatched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    var write = WriteBatchAsync(job, batch, kind, target, writes, dispatched, stop.Token);
                    writing.Add(write);
                    await Task.WhenAny(dispatched.Task, write);
                    continue;
                }

                if (!reader.IsCompleted)
                {
                    await Task.WhenAny([changed, reader, .. writing]);
                    continue;
                }

                await reader;
                handoff.MarkRecordsStarted();
                if (writing.Count == 0)
                {
                    return;
                }

                // A batch still being written may go back to pending (a transient failure): look again once one ends.
                await Task.WhenAny(writing);
            }
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAll([reader, .. writing]).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    /// <summary>Drops the finished writes; the first that failed throws here.</summary>
    private static async Task ObserveAsync(List<Task> writing)
    {
        foreach (var done in writing.Where(write => write.IsCompleted).ToList())
        {
            writing.Remove(done);
            await done;
        }
    }

    /// <summary>Reads and stores batches until the source ends, never more than the pipeline's read-ahead beyond the writer.</summary>
    private async Task ReadAheadAsync(
        Job job, JobPhase state, EntityKind kind, ISourceConnector source, PhasePipeline pipeline, PhaseHandoff handoff, CancellationToken cancellationToken)
    {
        var cursor = state.SourceCursor;
        var done = false;
        while (!done)
        {
            await pipeline.WaitForRoomAsync(cancellationToken);
            int stored;
            (cursor, done, stored) = await ReadBatchesAsync(job, state.Phase, kind, source, cursor, cancellationToken);
            await pipeline.StoredAsync(stored, cancellationToken);
        }

        handoff.MarkSourceRead();
    }

    /// <summary>Reads pages until a batch is full or the source ends, and stores them with the cursor after the last page.</summary>
    private async Task<(string? Cursor, bool Done, int Stored)> ReadBatchesAsync(
        Job job, Phase phase, EntityKind kind, ISourceConnector source, string? cursor, CancellationToken cancellationToken)
    {
        var records = new List<SourceRecord>();
        bool done;
        do
        {
            var page = await source.ReadPageAsync(kind, cursor, cancellationToken);
            records.AddRange(page.Records);
            cursor = page.NextCursor;
            done = cursor is null;
        }
        while (!done && records.Count < job.BatchSize);

        var stored = records.Chunk(job.BatchSize).Select(chunk => new NewBatch(chunk.Length, BatchPayload.Write(chunk))).ToList();
        await batches.AppendAsync(job.Id, options.WorkerId, phase, new StoredPage(stored, cursor, done), cancellationToken);
        return (cursor, done, stored.Count);
    }

    private async Task WriteBatchAsync(
        Job job, Batch batch, EntityKind kind, ITargetConnector target, PhaseWrites writes, TaskCompletionSource dispatched, CancellationToken cancellationToken)
    {
        try
        {
            var records = BatchPayload.Read(batch.Payload ?? throw new InvalidOperationException($"Batch {batch.Id} has no payload to write."));
            if (job.DryRun)
            {
                await batches.SucceedAsync(batch, options.WorkerId, new BatchResult([], Skipped: records.Count), cancellationToken);
                return;
            }

            var writer = new BatchWriter(target, maps, job.Id, batch.Phase, kind, job.RetryPolicy, time, writes);
            BatchOutcome outcome;
            try
            {
                outcome = await writer.WriteAsync(records, dispatched, cancellationToken);
            }
            catch (TransientBatchException transient)
            {
                var giveUp = batch.Attempts >= job.RetryPolicy.MaxAttempts;
                var message = $"Batch {batch.Sequence} of {SnakeCase.Name(batch.Phase)}: {transient.Message}";
                if (giveUp)
                {
                    await batches.FailAsync(batch, options.WorkerId, transient.Message, cancellationToken);
                    await LogAsync(job, JobLogLevel.Error, $"{message}; failed after {batch.Attempts} attempts.", batch.Phase, batch.Id);
                }
                else
                {
                    await batches.RequeueAsync(batch, options.WorkerId, transient.Message, cancellationToken);
                    await LogAsync(job, JobLogLevel.Warning, $"{message}; queued again.", batch.Phase, batch.Id);
                }

                return;
            }

            if (outcome.Warnings.Count > 0)
            {
                await logs.AppendAsync(
                    job.Id,
                    [.. outcome.Warnings.Select(warning => new LogEntry(JobLogLevel.Warning, warning, batch.Phase, batch.Id))],
                    cancellationToken);
            }

            await batches.SucceedAsync(batch, options.WorkerId, new BatchResult(outcome.Failures), cancellationToken);
        }
        finally
        {
            dispatched.TrySetResult();
        }
    }
}

/// <summary>The entity each phase moves.</summary>
internal static class EntityKinds
{
    public static EntityKind Of(Phase phase) => phase switch
    {
        Phase.Companies => EntityKind.Companies,
        Phase.People => EntityKind.People,
        Phase.Deals => EntityKind.Deals,
        Phase.Notes => EntityKind.Notes,
        Phase.ListEntries => EntityKind.ListEntries,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "The schema phase moves no records."),
    };
}

/// <summary>
/// One phase of a job's run: the job and the phase's row, the connectors, what the phase before tells it, what it tells
/// the next, and how its records are written beside the phases before.
/// </summary>
internal sealed record PhaseRun(
    Job Job, JobPhase State, ISourceConnector Source, ITargetConnector Target, PhaseHandoff Previous, PhaseHandoff Handoff, PhaseWrites Writes);

using Freight.Connectors;
using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Logs;
using StoredPage = Freight.Core.Batches.SourcePage;

namespace Freight.Core.Engine;

public sealed partial class JobRunner
{
    /// <summary>
    /// One entity phase: batches left pending are written first; then source pages are read from the checkpoint
    /// into full batches, stored with the cursor after them, and written, until the source has no more.
    /// </summary>
    private async Task RunEntityPhaseAsync(
        Job job, JobPhase state, ISourceConnector source, ITargetConnector target, CancellationToken cancellationToken)
    {
        var kind = EntityKinds.Of(state.Phase);
        var cursor = state.SourceCursor;
        var sourceDone = state.SourceCompleted;
        while (true)
        {
            while (await batches.StartNextAsync(job.Id, options.WorkerId, state.Phase, cancellationToken) is { } batch)
            {
                await WriteBatchAsync(job, batch, kind, target, cancellationToken);
            }

            if (sourceDone)
            {
                return;
            }

            (cursor, sourceDone) = await ReadBatchesAsync(job, state.Phase, kind, source, cursor, cancellationToken);
        }
    }

    /// <summary>Reads pages until a batch is full or the source ends, and stores them with the cursor after the last page.</summary>
    private async Task<(string? Cursor, bool Done)> ReadBatchesAsync(
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
        return (cursor, done);
    }

    private async Task WriteBatchAsync(Job job, Batch batch, EntityKind kind, ITargetConnector target, CancellationToken cancellationToken)
    {
        var records = BatchPayload.Read(batch.Payload ?? throw new InvalidOperationException($"Batch {batch.Id} has no payload to write."));
        if (job.DryRun)
        {
            await batches.SucceedAsync(batch, options.WorkerId, new BatchResult([], Skipped: records.Count), cancellationToken);
            return;
        }

        var writer = new BatchWriter(target, maps, job.Id, batch.Phase, kind, job.RetryPolicy, time);
        BatchOutcome outcome;
        try
        {
            outcome = await writer.WriteAsync(records, cancellationToken);
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

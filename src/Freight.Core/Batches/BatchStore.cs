using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Batches;

/// <summary>
/// A job's batches: the checkpoint (source pages stored as batches with the cursor after them) and each
/// batch's way to success or failure. Every write is fenced by the worker's lease (<see cref="LeaseLostException"/>)
/// and updates the counters in the same transaction, so a crash never leaves them out of step.
/// </summary>
public sealed partial class BatchStore(IDbContextFactory<FreightDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// Stores a page's batches (payloads included) after the phase's last one and moves the phase's cursor past
    /// the page, atomically: after a crash the source is read again from exactly there.
    /// </summary>
    public Task<IReadOnlyList<Batch>> AppendAsync(
        Guid jobId, string workerId, Phase phase, SourcePage page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var now = time.GetUtcNow();
        return Lease.WriteAsync(contexts, jobId, workerId, now, async context =>
        {
            var last = await LastSequenceAsync(context, jobId, phase, cancellationToken);
            var batches = page.Batches
                .Select((batch, index) => Batch.Create(jobId, phase, last + 1 + index, batch.RecordCount, batch.Payload, now))
                .ToList();
            context.Batches.AddRange(batches);
            await context.SaveChangesAsync(cancellationToken);
            await Progress.ApplyAsync(context, jobId, phase, new ProgressDelta(Read: batches.Sum(batch => (long)batch.RecordCount)), now, cancellationToken);
            await context.JobPhases.Where(row => row.JobId == jobId && row.Phase == phase).ExecuteUpdateAsync(
                setters => setters.SetProperty(row => row.SourceCursor, page.NextCursor).SetProperty(row => row.SourceCompleted, page.IsLast),
                cancellationToken);
            return (IReadOnlyList<Batch>)batches;
        }, cancellationToken);
    }

    /// <summary>Takes the phase's pending batch with the lowest sequence and marks it running; null when none is pending.</summary>
    public Task<Batch?> StartNextAsync(Guid jobId, string workerId, Phase phase, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return Lease.WriteAsync(contexts, jobId, workerId, now, async context =>
        {
            var batch = await context.Batches
                .Where(row => row.JobId == jobId && row.Phase == phase && row.Status == BatchStatus.Pending)
                .OrderBy(row => row.Sequence)
                .FirstOrDefaultAsync(cancellationToken);
            if (batch is null)
            {
                return null;
            }

            batch.Start(now);
            await context.SaveChangesAsync(cancellationToken);
            return batch;
        }, cancellationToken);
    }

    /// <summary>
    /// <see cref="Batch.Succeed"/>: drops the payload, stores the failed records and counts the outcome.
    /// </summary>
    public Task SucceedAsync(Batch batch, string workerId, BatchResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(result);
        var written = batch.RecordCount - result.Failures.Count - result.Skipped;
        ArgumentOutOfRangeException.ThrowIfNegative(written, nameof(result));
        var now = time.GetUtcNow();
        batch.Succeed(now);
        return Lease.WriteAsync(contexts, batch.JobId, workerId, now, async context =>
        {
            await SaveTransitionAsync(context, batch, BatchStatus.Running, cancellationToken);
            context.FailedRecords.AddRange(result.Failures.Select(failure => ToRow(batch, failure, now)));
            await context.SaveChangesAsync(cancellationToken);
            var delta = new ProgressDelta(Written: written, Failed: result.Failures.Count, Skipped: result.Skipped);
            await Progress.ApplyAsync(context, batch.JobId, batch.Phase, delta, now, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary><see cref="Batch.Fail"/>: the batch keeps its payload and all its records count as failed.</summary>
    public Task FailAsync(Batch batch, string workerId, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var now = time.GetUtcNow();
        batch.Fail(error, now);
        return Lease.WriteAsync(contexts, batch.JobId, workerId, now, async context =>
        {
            await SaveTransitionAsync(context, batch, BatchStatus.Running, cancellationToken);
            await Progress.ApplyAsync(context, batch.JobId, batch.Phase, new ProgressDelta(Failed: batch.RecordCount), now, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary><see cref="Batch.Requeue"/>: back to pending after a transient failure, for another attempt.</summary>
    public Task RequeueAsync(Batch batch, string workerId, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Requeue(error);
        return Lease.WriteAsync(contexts, batch.JobId, workerId, time.GetUtcNow(), async context =>
        {
            await SaveTransitionAsync(context, batch, BatchStatus.Running, cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// After taking over a job, puts the batches its previous worker left running back to pending. Their
    /// attempts still count, so a batch that keeps killing workers ends up failed rather than looping.
    /// </summary>
    public Task<int> RequeueInterruptedAsync(Guid jobId, string workerId, CancellationToken cancellationToken = default) =>
        Lease.WriteAsync(contexts, jobId, workerId, time.GetUtcNow(), context =>
            context.Batches.Where(batch => batch.JobId == jobId && batch.Status == BatchStatus.Running).ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(batch => batch.Status, BatchStatus.Pending)
                    .SetProperty(batch => batch.Error, "Interrupted: the worker holding the job stopped."),
                cancellationToken),
            cancellationToken);
}

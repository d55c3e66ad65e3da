using System.Text;
using Freight.Connectors;
using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Jobs;

public sealed partial class JobStore
{
    /// <summary>
    /// Queues a failed or completed_with_errors job again (<see cref="Job.Retry"/>). With
    /// <paramref name="failedOnly"/>, its failed batches go back to pending with fresh attempts, the records a
    /// target refused in batches that otherwise succeeded go into new batches (from the payload each failed
    /// record kept), and all of them leave the failed counts; the rest of the checkpoint stands. Otherwise the job starts over: batches,
    /// failed records, cursors and counters are cleared and the source is read again (the record map is kept,
    /// so writes stay idempotent). Returns the number of batches queued again, or null when the tenant has no
    /// such job; throws <see cref="StateTransitionException"/> for a job in another status.
    /// </summary>
    public async Task<int?> RetryAsync(Guid tenantId, Guid jobId, bool failedOnly, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var job = await context.Jobs.SingleOrDefaultAsync(row => row.Id == jobId && row.TenantId == tenantId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        job.Retry(now);
        if (!failedOnly)
        {
            job.ResetProgress();
        }

        await context.SaveChangesAsync(cancellationToken);
        var queued = failedOnly
            ? await RequeueFailedBatchesAsync(context, jobId, now, cancellationToken)
                + await RequeueFailedRecordsAsync(context, jobId, job.BatchSize, now, cancellationToken)
            : await StartOverAsync(context, jobId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return queued;
    }

    private static async Task<int> RequeueFailedBatchesAsync(FreightDbContext context, Guid jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failed = context.Batches.Where(batch => batch.JobId == jobId && batch.Status == BatchStatus.Failed);

        // A failed batch counted all its records as failed; they are about to be attempted again.
        var failedPerPhase = await failed.GroupBy(batch => batch.Phase)
            .Select(group => new { Phase = group.Key, Records = group.Sum(batch => (long)batch.RecordCount) })
            .ToListAsync(cancellationToken);
        foreach (var phase in failedPerPhase)
        {
            await Progress.ApplyAsync(context, jobId, phase.Phase, new ProgressDelta(Failed: -phase.Records), now, cancellationToken);
            await context.JobPhases.Where(row => row.JobId == jobId && row.Phase == phase.Phase)
                .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.Status, PhaseStatus.Pending), cancellationToken);
        }

        return await failed.ExecuteUpdateAsync(
            setters => setters
                .SetProperty(batch => batch.Status, BatchStatus.Pending)
                .SetProperty(batch => batch.Attempts, 0)
                .SetProperty(batch => batch.Error, (string?)null)
                .SetProperty(batch => batch.StartedAt, (DateTimeOffset?)null)
                .SetProperty(batch => batch.CompletedAt, (DateTimeOffset?)null),
            cancellationToken);
    }

    /// <summary>New pending batches of the records that failed on their own; their failed-record rows go.</summary>
    private static async Task<int> RequeueFailedRecordsAsync(
        FreightDbContext context, Guid jobId, int batchSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failed = await context.FailedRecords.Where(record => record.JobId == jobId && record.Payload != null)
            .OrderBy(record => record.Id)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var phase in failed.GroupBy(record => record.Entity))
        {
            var last = await BatchStore.LastSequenceAsync(context, jobId, phase.Key, cancellationToken);
            foreach (var chunk in phase.Chunk(batchSize))
            {
                var payload = BatchPayload.Write(chunk.Select(record => new SourceRecord(record.SourceId, Encoding.UTF8.GetBytes(record.Payload!))));
                context.Batches.Add(Batch.Create(jobId, phase.Key, ++last, chunk.Length, payload, now));
                queued++;
            }

            context.FailedRecords.RemoveRange(phase);
            await context.SaveChangesAsync(cancellationToken);
            await Progress.ApplyAsync(context, jobId, phase.Key, new ProgressDelta(Failed: -phase.Count()), now, cancellationToken);
            await context.JobPhases.Where(row => row.JobId == jobId && row.Phase == phase.Key)
                .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.Status, PhaseStatus.Pending), cancellationToken);
        }

        return queued;
    }

    private static async Task<int> StartOverAsync(FreightDbContext context, Guid jobId, CancellationToken cancellationToken)
    {
        await context.FailedRecords.Where(record => record.JobId == jobId).ExecuteDeleteAsync(cancellationToken);
        await context.Batches.Where(batch => batch.JobId == jobId).ExecuteDeleteAsync(cancellationToken);
        await context.JobPhases.Where(row => row.JobId == jobId).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(row => row.Status, PhaseStatus.Pending)
                .SetProperty(row => row.SourceCursor, (string?)null)
                .SetProperty(row => row.SourceCompleted, false)
                .SetProperty(row => row.RecordsRead, 0)
                .SetProperty(row => row.RecordsWritten, 0)
                .SetProperty(row => row.RecordsFailed, 0)
                .SetProperty(row => row.RecordsSkipped, 0),
            cancellationToken);
        return 0;
    }
}

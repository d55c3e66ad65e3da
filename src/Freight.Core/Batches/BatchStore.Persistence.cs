using Freight.Core.Domain;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Batches;

public sealed partial class BatchStore
{
    /// <summary>The highest batch sequence of a job's phase, 0 before its first batch: new batches follow it.</summary>
    internal static async Task<int> LastSequenceAsync(FreightDbContext context, Guid jobId, Phase phase, CancellationToken cancellationToken) =>
        await context.Batches.Where(batch => batch.JobId == jobId && batch.Phase == phase)
            .MaxAsync(batch => (int?)batch.Sequence, cancellationToken) ?? 0;

    /// <summary>The tenant's batches of a job in creation order, optionally of one status, without payloads.</summary>
    public async Task<Page<BatchSummary>> ListAsync(
        Guid tenantId, Guid jobId, BatchStatus? status, int offset, int limit, CancellationToken cancellationToken = default)
    {
        Page<BatchSummary>.Validate(offset, limit);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var query = context.Batches.Where(batch => batch.JobId == jobId
            && context.Jobs.Any(job => job.Id == jobId && job.TenantId == tenantId));
        if (status is { } wanted)
        {
            query = query.Where(batch => batch.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(batch => batch.CreatedAt).ThenBy(batch => batch.Phase).ThenBy(batch => batch.Sequence)
            .Skip(offset).Take(limit)
            .Select(batch => new BatchSummary(
                batch.Id, batch.JobId, batch.Phase, batch.Sequence, batch.Status, batch.Attempts, batch.RecordCount,
                batch.Error, batch.CreatedAt, batch.StartedAt, batch.CompletedAt))
            .ToListAsync(cancellationToken);
        return new Page<BatchSummary>(items, total, offset, limit);
    }

    // Writes the state a domain transition left in memory, only if the row is still in the state it started
    // from: a batch requeued meanwhile (after a lease takeover) is not overwritten.
    private static async Task SaveTransitionAsync(FreightDbContext context, Batch batch, BatchStatus from, CancellationToken cancellationToken)
    {
        var updated = await context.Batches.Where(row => row.Id == batch.Id && row.Status == from).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(row => row.Status, batch.Status)
                .SetProperty(row => row.Payload, batch.Payload)
                .SetProperty(row => row.Error, batch.Error)
                .SetProperty(row => row.CompletedAt, batch.CompletedAt),
            cancellationToken);
        if (updated == 0)
        {
            throw new StateTransitionException($"Batch {batch.Id} is no longer {SnakeCase.Name(from)}; another writer changed it.");
        }
    }

    private static FailedRecord ToRow(Batch batch, RecordFailure failure, DateTimeOffset now) => new()
    {
        JobId = batch.JobId,
        BatchId = batch.Id,
        Entity = batch.Phase,
        SourceId = failure.SourceId,
        Payload = failure.Payload,
        Origin = failure.Origin,
        ErrorCode = failure.ErrorCode,
        Message = failure.Message,
        Retryable = failure.Retryable,
        CreatedAt = now,
    };
}

using Freight.Core.Domain;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Batches;

/// <summary>
/// Reads a job's failed records. They are written with their batch's outcome
/// (<see cref="BatchStore.SucceedAsync"/>), so they and the counters always agree.
/// </summary>
public sealed class FailedRecordStore(IDbContextFactory<FreightDbContext> contexts)
{
    /// <summary>The tenant's failed records of a job, oldest first, optionally of one entity.</summary>
    public async Task<Page<FailedRecord>> ListAsync(
        Guid tenantId, Guid jobId, Phase? entity, int offset, int limit, CancellationToken cancellationToken = default)
    {
        Page<FailedRecord>.Validate(offset, limit);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var query = context.FailedRecords.AsNoTracking().Where(record => record.JobId == jobId
            && context.Jobs.Any(job => job.Id == jobId && job.TenantId == tenantId));
        if (entity is { } wanted)
        {
            query = query.Where(record => record.Entity == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(record => record.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new Page<FailedRecord>(items, total, offset, limit);
    }
}

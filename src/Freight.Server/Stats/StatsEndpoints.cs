using Freight.Core;
using Freight.Core.Domain;
using Freight.Core.Persistence;
using Freight.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace Freight.Server.Stats;

/// <summary>
/// A tenant's statistics. <see cref="RecordsMoved"/> counts records written to a target (processed, less failed
/// and skipped); <see cref="RecordsPerSecond"/> is the throughput of finished jobs that ran: the records they
/// processed divided by the seconds they ran (started to completed), summed over those jobs; null before any did.
/// </summary>
public sealed record StatsResponse(
    int TotalJobs,
    IReadOnlyDictionary<string, int> JobsByStatus,
    long RecordsProcessed,
    long RecordsMoved,
    long RecordsFailed,
    long RecordsSkipped,
    double? RecordsPerSecond);

/// <summary><c>/api/v1/stats</c>: the calling tenant's jobs and records at a glance.</summary>
public static class StatsEndpoints
{
    public static void MapStats(this RouteGroupBuilder tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        tenant.MapGet("/stats", GetAsync).Produces<StatsResponse>().WithTags("Stats");
    }

    private static async Task<IResult> GetAsync(HttpContext context, IDbContextFactory<FreightDbContext> contexts, CancellationToken cancellationToken)
    {
        var tenantId = context.Caller().TenantId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var jobs = db.Jobs.AsNoTracking().Where(job => job.TenantId == tenantId);
        var byStatus = await jobs.GroupBy(job => job.Status)
            .Select(group => new
            {
                Status = group.Key,
                Jobs = group.Count(),
                Processed = group.Sum(job => job.ProcessedRecords),
                Failed = group.Sum(job => job.FailedRecords),
                Skipped = group.Sum(job => job.SkippedRecords),
            })
            .ToListAsync(cancellationToken);

        // Durations are computed here: SQLite cannot subtract the stored timestamps.
        var runs = await jobs.Where(job => job.StartedAt != null && job.CompletedAt != null)
            .Select(job => new { job.ProcessedRecords, job.StartedAt, job.CompletedAt })
            .ToListAsync(cancellationToken);
        var seconds = runs.Sum(run => (run.CompletedAt!.Value - run.StartedAt!.Value).TotalSeconds);
        var processed = byStatus.Sum(row => row.Processed);
        var failed = byStatus.Sum(row => row.Failed);
        var skipped = byStatus.Sum(row => row.Skipped);
        return TypedResults.Ok(new StatsResponse(
            byStatus.Sum(row => row.Jobs),
            Enum.GetValues<JobStatus>().ToDictionary(SnakeCase.Name, status => byStatus.Where(row => row.Status == status).Sum(row => row.Jobs)),
            processed,
            processed - failed - skipped,
            failed,
            skipped,
            seconds > 0 ? Math.Round(runs.Sum(run => run.ProcessedRecords) / seconds, 3) : null));
    }
}

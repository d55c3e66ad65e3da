using System.Security.Cryptography;
using System.Text;
using Freight.Cli.JobSpecs;
using Freight.Core;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Freight.Core.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Freight.Cli.Migrate;

/// <summary>
/// The jobs of <c>freight migrate</c>: they belong to a tenant named <see cref="TenantSlug"/> in the local
/// database, and carry a hash of what they migrate (systems, configs, entities, dry run) so a rerun of the same
/// command finds its unfinished job and continues it instead of starting over.
/// </summary>
internal sealed class LocalJobs(IDbContextFactory<FreightDbContext> contexts, TenantStore tenants, JobStore jobs, TimeProvider time)
{
    public const string TenantSlug = "local";

    /// <summary>The local tenant, created on first use.</summary>
    public async Task<Guid> TenantAsync(CancellationToken cancellationToken)
    {
        await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await context.Tenants.AsNoTracking().SingleOrDefaultAsync(tenant => tenant.Slug == TenantSlug, cancellationToken) is { } existing)
            {
                return existing.Id;
            }
        }

        var created = await tenants.CreateAsync("Local migrations", TenantSlug, cancellationToken);
        return created.Tenant?.Id ?? await TenantAsync(cancellationToken);
    }

    /// <summary>The newest unfinished job of <paramref name="spec"/>, or null.</summary>
    public async Task<Job?> FindUnfinishedAsync(Guid tenantId, JobSpec spec, CancellationToken cancellationToken)
    {
        var hash = Hash(spec);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.Jobs.AsNoTracking()
            .Where(job => job.TenantId == tenantId && job.RequestHash == hash
                && (job.Status == JobStatus.Pending || job.Status == JobStatus.Running || job.Status == JobStatus.Cancelling))
            .OrderByDescending(job => job.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Job> CreateAsync(Guid tenantId, JobSpec spec, CancellationToken cancellationToken)
    {
        var creation = await jobs.CreateAsync(new NewJob
        {
            TenantId = tenantId,
            SourceSystem = spec.SourceSystem,
            TargetSystem = spec.TargetSystem,
            SourceConfig = spec.SourceConfig.ToJsonString(),
            TargetConfig = spec.TargetConfig.ToJsonString(),
            BatchSize = spec.BatchSize ?? Job.DefaultBatchSize,
            Entities = [.. (spec.Entities ?? []).Select(SnakeCase.Parse<Phase>)],
            DryRun = spec.DryRun,
            RequestHash = Hash(spec),
        }, cancellationToken);
        return creation.Job;
    }

    /// <summary>
    /// Takes <paramref name="jobId"/> for <paramref name="workerId"/> as a worker's claim would; throws
    /// <see cref="StateTransitionException"/> while another process holds it.
    /// </summary>
    public async Task<Job> ClaimAsync(Guid jobId, string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await context.Jobs.SingleAsync(row => row.Id == jobId, cancellationToken);
        var now = time.GetUtcNow();
        job.Claim(workerId, now + leaseDuration, now);
        await context.SaveChangesAsync(cancellationToken);
        await context.Entry(job).Collection(row => row.Phases).LoadAsync(cancellationToken);
        job.Phases.Sort((left, right) => left.Phase.CompareTo(right.Phase));
        return job;
    }

    /// <summary>What makes two runs "the same migration"; the configs (keys included) are hashed, never stored in clear.</summary>
    private static string Hash(JobSpec spec)
    {
        var identity = string.Join('\n',
            "freight-migrate",
            spec.SourceSystem,
            spec.SourceConfig.ToJsonString(),
            spec.TargetSystem,
            spec.TargetConfig.ToJsonString(),
            string.Join(",", (spec.Entities ?? []).Order(StringComparer.Ordinal)),
            spec.DryRun ? "dry-run" : "write");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }
}

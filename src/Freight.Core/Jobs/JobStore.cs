using Freight.Core.Domain;
using Freight.Core.Persistence;
using Freight.Core.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Jobs;

/// <summary>
/// Jobs as the REST API and the engine see them. Reads are per tenant: another tenant's job is simply not
/// found. Counters change only through set-based increments, so concurrent writers lose no update.
/// </summary>
public sealed partial class JobStore(IDbContextFactory<FreightDbContext> contexts, ISecretProtector secrets, TimeProvider time)
{
    // Optimistic updates of a running job race with its counters; a few rounds settle any realistic contention.
    private const int MaxOptimisticAttempts = 5;

    /// <summary>
    /// Creates a pending job with its configs encrypted. With an idempotency key the tenant already used, creates
    /// nothing and returns the existing job (compare <see cref="Job.RequestHash"/> to tell a replay from a reuse).
    /// </summary>
    public async Task<JobCreation> CreateAsync(NewJob spec, CancellationToken cancellationToken = default)
    {
        var job = Job.Create(spec, secrets, time.GetUtcNow());
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.Jobs.Add(job);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return new JobCreation(job, Created: true);
        }
        catch (DbUpdateException exception) when (spec.IdempotencyKey is not null && DatabaseErrors.IsUniqueViolation(exception))
        {
            context.ChangeTracker.Clear();
            var existing = await context.Jobs.AsNoTracking()
                .SingleAsync(row => row.TenantId == spec.TenantId && row.IdempotencyKey == spec.IdempotencyKey, cancellationToken);
            await JobQueries.LoadPhasesAsync(context, existing, cancellationToken);
            return new JobCreation(existing, Created: false);
        }
    }

    /// <summary>The tenant's job with its phases, or null.</summary>
    public async Task<Job?> FindAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await context.Jobs.AsNoTracking()
            .SingleOrDefaultAsync(row => row.Id == jobId && row.TenantId == tenantId, cancellationToken);
        if (job is not null)
        {
            await JobQueries.LoadPhasesAsync(context, job, cancellationToken);
        }

        return job;
    }

    /// <summary>The tenant's jobs, newest first, optionally of one status; without phases.</summary>
    public async Task<Page<Job>> ListAsync(
        Guid tenantId, JobStatus? status, int offset, int limit, CancellationToken cancellationToken = default)
    {
        Page<Job>.Validate(offset, limit);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var query = context.Jobs.AsNoTracking().Where(job => job.TenantId == tenantId);
        if (status is { } wanted)
        {
            query = query.Where(job => job.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(job => job.CreatedAt).ThenByDescending(job => job.Id)
            .Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new Page<Job>(items, total, offset, limit);
    }

    /// <summary>The job's source config in plaintext, for the worker's connector only.</summary>
    public string ReadSourceConfig(Job job) => secrets.Unprotect(job.ProtectedSourceConfig);

    /// <summary>The job's target config in plaintext, for the worker's connector only.</summary>
    public string ReadTargetConfig(Job job) => secrets.Unprotect(job.ProtectedTargetConfig);

    /// <summary>
    /// Applies <see cref="Job.RequestCancel"/> to the tenant's job and returns it, or null when there is no such
    /// job. Throws <see cref="StateTransitionException"/> when the job is already finished.
    /// </summary>
    public async Task<Job?> RequestCancelAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            var job = await context.Jobs.SingleOrDefaultAsync(row => row.Id == jobId && row.TenantId == tenantId, cancellationToken);
            if (job is null)
            {
                return null;
            }

            job.RequestCancel(time.GetUtcNow());
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                await JobQueries.LoadPhasesAsync(context, job, cancellationToken);
                return job;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxOptimisticAttempts)
            {
                // The worker changed the job meanwhile (counters, status): read it again and decide again.
            }
        }
    }
}

/// <summary>The outcome of <see cref="JobStore.CreateAsync"/>: the job, and whether this call created it.</summary>
public sealed record JobCreation(Job Job, bool Created);

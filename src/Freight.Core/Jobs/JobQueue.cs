using System.Diagnostics.CodeAnalysis;
using Freight.Core.Domain;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Jobs;

/// <summary>
/// The queue workers take jobs from. A claim is a lease: the worker must <see cref="HeartbeatAsync"/> before it
/// expires, or another worker may claim the job and resume it from its checkpoint. Times come from the
/// injected <see cref="TimeProvider"/>, so workers on several machines need roughly synchronised clocks.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is the queue workers take jobs from.")]
public sealed class JobQueue(IDbContextFactory<FreightDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// Claims the oldest claimable job for <paramref name="workerId"/> until now + <paramref name="leaseDuration"/>:
    /// a pending job, or a running or cancelling one whose lease expired. Returns it with its phases, or null
    /// when there is none. Two concurrent claims never get the same job.
    /// </summary>
    public async Task<Job?> ClaimNextAsync(string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        Job? job;
        await using (var transaction = await context.Database.BeginTransactionAsync(cancellationToken))
        {
            // PostgreSQL: lock the row and let concurrent claimers skip it. SQLite: the transaction takes the
            // database's write lock at BEGIN (IMMEDIATE), so claimers run one at a time.
            job = context.Database.IsNpgsql()
                ? await LockOldestClaimableAsync(context, now, cancellationToken)
                : await context.Jobs.Where(JobQueries.Claimable(now))
                    .OrderBy(candidate => candidate.CreatedAt).ThenBy(candidate => candidate.Id)
                    .FirstOrDefaultAsync(cancellationToken);
            if (job is null)
            {
                return null;
            }

            job.Claim(workerId, now + leaseDuration, now);
            await context.SaveChangesAsync(cancellationToken); // also checks the version: a conditional UPDATE
            await transaction.CommitAsync(cancellationToken);
        }

        await JobQueries.LoadPhasesAsync(context, job, cancellationToken);
        return job;
    }

    /// <summary>
    /// Extends the lease of <paramref name="jobId"/> to now + <paramref name="leaseDuration"/> while
    /// <paramref name="workerId"/> still holds it. False when the lease is lost (expired, or taken by another
    /// worker): the worker must stop working on the job.
    /// </summary>
    public async Task<bool> HeartbeatAsync(Guid jobId, string workerId, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var updated = await context.Jobs
            .Where(job => job.Id == jobId && job.LeaseOwner == workerId && job.LeaseExpiresAt > now)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(job => job.LeaseExpiresAt, now + leaseDuration)
                    .SetProperty(job => job.HeartbeatAt, now),
                cancellationToken);
        return updated == 1;
    }

    /// <summary>
    /// Writes the outcome of a finished job (after <see cref="Job.Complete"/>, <see cref="Job.Fail"/> or
    /// <see cref="Job.MarkCancelled"/>) and ends the lease. False, writing nothing, when
    /// <paramref name="workerId"/> no longer holds the lease.
    /// </summary>
    public async Task<bool> FinishAsync(Job job, string workerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!job.IsFinished)
        {
            throw new ArgumentException($"The job is {SnakeCase.Name(job.Status)}, not finished.", nameof(job));
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await context.Jobs
            .Where(row => row.Id == job.Id && row.LeaseOwner == workerId)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(row => row.Status, job.Status)
                    .SetProperty(row => row.StatusReason, job.StatusReason)
                    .SetProperty(row => row.CompletedAt, job.CompletedAt)
                    .SetProperty(row => row.LeaseOwner, (string?)null)
                    .SetProperty(row => row.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(row => row.UpdatedAt, time.GetUtcNow())
                    .SetProperty(row => row.Version, row => row.Version + 1),
                cancellationToken);
        return updated == 1;
    }

    /// <summary>
    /// Hands an unfinished job back (a worker shutting down): another worker may claim it at once. False when
    /// <paramref name="workerId"/> no longer held it.
    /// </summary>
    public async Task<bool> ReleaseAsync(Guid jobId, string workerId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await context.Jobs
            .Where(job => job.Id == jobId && job.LeaseOwner == workerId)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(job => job.LeaseOwner, (string?)null)
                    .SetProperty(job => job.LeaseExpiresAt, (DateTimeOffset?)null),
                cancellationToken);
        return updated == 1;
    }

    /// <summary>How many jobs a worker could claim now (the queue depth shown by health checks).</summary>
    public async Task<int> CountClaimableAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.Jobs.CountAsync(JobQueries.Claimable(time.GetUtcNow()), cancellationToken);
    }

    private static async Task<Job?> LockOldestClaimableAsync(FreightDbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = UtcTimestampConverter.ToStored(now);
        var pending = SnakeCase.Name(JobStatus.Pending);
        var running = SnakeCase.Name(JobStatus.Running);
        var cancelling = SnakeCase.Name(JobStatus.Cancelling);
        var rows = await context.Jobs.FromSql($"""
            SELECT * FROM jobs
            WHERE status = {pending}
               OR (status IN ({running}, {cancelling}) AND (lease_expires_at IS NULL OR lease_expires_at <= {at}))
            ORDER BY created_at, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }
}

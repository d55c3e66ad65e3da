using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Jobs;

/// <summary>
/// Fences the engine's writes: each runs in a transaction that first checks, and on PostgreSQL locks, the job
/// row held by the worker, so a worker that lost its lease (paused past expiry, then taken over) writes
/// nothing and gets a <see cref="LeaseLostException"/> instead.
/// </summary>
internal static class Lease
{
    public static async Task<T> WriteAsync<T>(
        IDbContextFactory<FreightDbContext> contexts,
        Guid jobId,
        string workerId,
        DateTimeOffset now,
        Func<FreightDbContext, Task<T>> write,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);

        // Records activity without extending the lease; the row lock it takes on PostgreSQL orders this write
        // against a concurrent claim of the same job.
        var held = await context.Jobs
            .Where(job => job.Id == jobId && job.LeaseOwner == workerId && job.LeaseExpiresAt > now)
            .ExecuteUpdateAsync(setters => setters.SetProperty(job => job.HeartbeatAt, now), cancellationToken);
        if (held == 0)
        {
            throw new LeaseLostException(jobId, workerId);
        }

        var result = await write(context);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}

/// <summary>The worker no longer holds the job's lease: it must stop working on the job.</summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LeaseLostException(Guid jobId, string workerId)
        : base($"Worker {workerId} no longer holds the lease of job {jobId}.")
    {
    }
}

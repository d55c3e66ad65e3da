using System.Globalization;
using Freight.Core.Domain;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Logs;

/// <summary>A log entry to append to a job's log.</summary>
public sealed record LogEntry(JobLogLevel Level, string Message, Phase? Entity = null, Guid? BatchId = null);

/// <summary>
/// A job's structured log, capped: a job keeps its first <see cref="FreightPersistenceOptions.MaxLogEntriesPerJob"/>
/// − 1 entries and then one "log capped" warning; later entries are dropped (the job's status, counters and
/// failed records still tell how it ended).
/// </summary>
public sealed class JobLogStore(IDbContextFactory<FreightDbContext> contexts, TimeProvider time, FreightPersistenceOptions options)
{
    public const int DefaultMaxEntriesPerJob = 10_000;

    public Task AppendAsync(Guid jobId, LogEntry entry, CancellationToken cancellationToken = default) =>
        AppendAsync(jobId, [entry], cancellationToken);

    public async Task AppendAsync(Guid jobId, IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);

        // Reserve places with an atomic increment; the row stays locked until commit, so concurrent appenders
        // get consecutive, non-overlapping places and the cap holds exactly.
        var reserved = await context.Jobs.Where(job => job.Id == jobId).ExecuteUpdateAsync(
            setters => setters.SetProperty(job => job.LogCount, job => job.LogCount + entries.Count), cancellationToken);
        if (reserved == 0)
        {
            throw new ArgumentException($"There is no job {jobId}.", nameof(jobId));
        }

        var after = await context.Jobs.Where(job => job.Id == jobId).Select(job => job.LogCount).SingleAsync(cancellationToken);
        var before = after - entries.Count;
        var max = options.MaxLogEntriesPerJob;
        var now = time.GetUtcNow();
        var kept = (int)Math.Clamp(max - 1 - before, 0, entries.Count);
        context.JobLogs.AddRange(entries.Take(kept).Select(entry => new JobLog
        {
            JobId = jobId,
            Level = entry.Level,
            Message = entry.Message,
            Entity = entry.Entity,
            BatchId = entry.BatchId,
            CreatedAt = now,
        }));
        if (before < max && after >= max)
        {
            context.JobLogs.Add(new JobLog
            {
                JobId = jobId,
                Level = JobLogLevel.Warning,
                Message = string.Create(CultureInfo.InvariantCulture, $"Log capped at {max} entries; later entries are dropped."),
                CreatedAt = now,
            });
        }

        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The tenant's log of a job in order, optionally of one level.</summary>
    public async Task<Page<JobLog>> ListAsync(
        Guid tenantId, Guid jobId, JobLogLevel? level, int offset, int limit, CancellationToken cancellationToken = default)
    {
        Page<JobLog>.Validate(offset, limit);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var query = context.JobLogs.AsNoTracking().Where(log => log.JobId == jobId
            && context.Jobs.Any(job => job.Id == jobId && job.TenantId == tenantId));
        if (level is { } wanted)
        {
            query = query.Where(log => log.Level == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(log => log.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new Page<JobLog>(items, total, offset, limit);
    }
}

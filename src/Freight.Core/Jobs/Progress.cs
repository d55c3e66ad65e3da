using Freight.Core.Domain;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Jobs;

/// <summary>
/// Records counted in one step of a phase. Read counts records turned into batches; written, failed and
/// skipped count outcomes, and together they make a job's processed records.
/// </summary>
public readonly record struct ProgressDelta(long Read = 0, long Written = 0, long Failed = 0, long Skipped = 0)
{
    public bool IsEmpty => Read == 0 && Written == 0 && Failed == 0 && Skipped == 0;
}

internal static class Progress
{
    /// <summary>Adds to the job's and the phase's counters with set-based increments (no lost update).</summary>
    public static async Task ApplyAsync(
        FreightDbContext context, Guid jobId, Phase phase, ProgressDelta delta, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (delta.IsEmpty)
        {
            await TouchAsync(context, jobId, now, cancellationToken);
            return;
        }

        var processed = delta.Written + delta.Failed + delta.Skipped;
        await context.Jobs.Where(job => job.Id == jobId).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(job => job.TotalRecords, job => job.TotalRecords + delta.Read)
                .SetProperty(job => job.ProcessedRecords, job => job.ProcessedRecords + processed)
                .SetProperty(job => job.FailedRecords, job => job.FailedRecords + delta.Failed)
                .SetProperty(job => job.SkippedRecords, job => job.SkippedRecords + delta.Skipped)
                .SetProperty(job => job.UpdatedAt, now)
                .SetProperty(job => job.Version, job => job.Version + 1),
            cancellationToken);
        var updated = await context.JobPhases.Where(row => row.JobId == jobId && row.Phase == phase).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(row => row.RecordsRead, row => row.RecordsRead + delta.Read)
                .SetProperty(row => row.RecordsWritten, row => row.RecordsWritten + delta.Written)
                .SetProperty(row => row.RecordsFailed, row => row.RecordsFailed + delta.Failed)
                .SetProperty(row => row.RecordsSkipped, row => row.RecordsSkipped + delta.Skipped),
            cancellationToken);
        if (updated == 0)
        {
            throw new ArgumentException($"Job {jobId} has no {SnakeCase.Name(phase)} phase.", nameof(phase));
        }
    }

    /// <summary>Marks a change the API shows (a phase's status or cursor): a new version, so a new ETag.</summary>
    public static Task TouchAsync(FreightDbContext context, Guid jobId, DateTimeOffset now, CancellationToken cancellationToken) =>
        context.Jobs.Where(job => job.Id == jobId).ExecuteUpdateAsync(
            setters => setters.SetProperty(job => job.UpdatedAt, now).SetProperty(job => job.Version, job => job.Version + 1),
            cancellationToken);
}

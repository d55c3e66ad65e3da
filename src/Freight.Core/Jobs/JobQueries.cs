using System.Linq.Expressions;
using Freight.Core.Domain;
using Freight.Core.Persistence;

namespace Freight.Core.Jobs;

internal static class JobQueries
{
    /// <summary><see cref="Job.IsClaimable"/> as SQL.</summary>
    public static Expression<Func<Job, bool>> Claimable(DateTimeOffset now) =>
        job => job.Status == JobStatus.Pending
            || ((job.Status == JobStatus.Running || job.Status == JobStatus.Cancelling)
                && (job.LeaseExpiresAt == null || job.LeaseExpiresAt <= now));

    /// <summary>Loads the job's phases in dependency order (the column holds names, which sort differently).</summary>
    public static async Task LoadPhasesAsync(FreightDbContext context, Job job, CancellationToken cancellationToken)
    {
        await context.Entry(job).Collection(row => row.Phases).LoadAsync(cancellationToken);
        job.Phases.Sort((left, right) => left.Phase.CompareTo(right.Phase));
    }
}

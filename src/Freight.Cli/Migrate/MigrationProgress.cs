using System.Runtime.CompilerServices;
using Freight.Cli.Output;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Cli.Migrate;

/// <summary>Snapshots of a job running in this process, read from its checkpoint in the database.</summary>
internal static class MigrationProgress
{
    /// <summary>How often progress is read while the job runs: often enough for a smooth bar, rare enough to cost nothing.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>One snapshot per <see cref="Interval"/> while <paramref name="run"/> works, then the final one.</summary>
    public static async IAsyncEnumerable<JobView> FollowAsync(IServiceProvider services, Job job, Task run, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var jobs = services.GetRequiredService<JobStore>();
        var time = services.GetRequiredService<TimeProvider>();
        while (true)
        {
            var finished = run.IsCompleted;
            if (await jobs.FindAsync(job.TenantId, job.Id, CancellationToken.None) is { } fresh)
            {
                yield return JobView.From(fresh);
            }

            if (finished)
            {
                yield break;
            }

            await Task.WhenAny(run, Task.Delay(Interval, time, cancellationToken));
        }
    }
}

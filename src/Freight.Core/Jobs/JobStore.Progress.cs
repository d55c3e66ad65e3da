using Freight.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Jobs;

// The engine's writes: fenced by the worker's lease (see Lease).
public sealed partial class JobStore
{
    /// <summary>Adds <paramref name="delta"/> to the job's and the phase's counters.</summary>
    /// <exception cref="LeaseLostException"><paramref name="workerId"/> no longer holds the job.</exception>
    public Task AddProgressAsync(Guid jobId, string workerId, Phase phase, ProgressDelta delta, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return Lease.WriteAsync(
            contexts,
            jobId,
            workerId,
            now,
            async context =>
            {
                await Progress.ApplyAsync(context, jobId, phase, delta, now, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Moves a phase to <paramref name="status"/> (the engine starts and completes phases in order).</summary>
    /// <exception cref="LeaseLostException"><paramref name="workerId"/> no longer holds the job.</exception>
    public Task SetPhaseStatusAsync(Guid jobId, string workerId, Phase phase, PhaseStatus status, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return Lease.WriteAsync(
            contexts,
            jobId,
            workerId,
            now,
            async context =>
            {
                await Progress.TouchAsync(context, jobId, now, cancellationToken);
                var updated = await context.JobPhases.Where(row => row.JobId == jobId && row.Phase == phase)
                    .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.Status, status), cancellationToken);
                return updated == 1
                    ? true
                    : throw new ArgumentException($"Job {jobId} has no {SnakeCase.Name(phase)} phase.", nameof(phase));
            },
            cancellationToken);
    }
}

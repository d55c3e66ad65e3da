using Freight.Core.Domain;

namespace Freight.Core.Engine;

public sealed partial class JobRunner
{
    /// <summary>
    /// Renews the lease every <see cref="EngineOptions.HeartbeatInterval"/> and reads the cancel flag; cancels
    /// <paramref name="run"/> when the lease is lost or a cancel was requested. Ends when the run does.
    /// </summary>
    private async Task KeepLeaseAsync(Job job, LeaseWatch lease, CancellationTokenSource run)
    {
        var token = run.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(options.HeartbeatInterval, time, token);
                if (!await queue.HeartbeatAsync(job.Id, options.WorkerId, options.LeaseDuration, token))
                {
                    lease.Lost = true;
                    await run.CancelAsync();
                    return;
                }

                if (await jobs.FindAsync(job.TenantId, job.Id, token) is { CancelRequested: true })
                {
                    lease.CancelRequested = true;
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The database could not be reached: stop before the lease runs out, so no two workers write at once.
            EngineLog.HeartbeatFailed(_logger, error, job.Id);
            lease.Lost = true;
            await run.CancelAsync();
        }
    }

    /// <summary>Why the heartbeat stopped a run.</summary>
    private sealed class LeaseWatch
    {
        public volatile bool Lost;
        public volatile bool CancelRequested;
    }
}

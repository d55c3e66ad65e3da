using Freight.Core.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Freight.Core.Engine;

/// <summary>
/// The worker host (what <c>freight serve</c> and <c>freight worker</c> run): claims one job at a time and runs
/// it, then looks for the next; idle, it looks again every <see cref="EngineOptions.PollInterval"/>. On shutdown
/// the job in hand is handed back unfinished, to be resumed from its checkpoint.
/// </summary>
public sealed class Worker(JobQueue queue, JobRunner runner, EngineOptions options, TimeProvider time, ILogger<Worker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        EngineLog.WorkerStarted(logger, options.WorkerId);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var job = await queue.ClaimNextAsync(options.WorkerId, options.LeaseDuration, stoppingToken);
                if (job is null)
                {
                    await Task.Delay(options.PollInterval, time, stoppingToken);
                    continue;
                }

                EngineLog.RunningJob(logger, options.WorkerId, job.Id);
                await runner.RunAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // A database outage or a bug in one job must not end the worker: log, wait, go on.
                EngineLog.WorkerFailed(logger, error, options.WorkerId);
                await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}

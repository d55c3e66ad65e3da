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
    // Read by health checks on other threads: UTC ticks of the last poll (0 before the first), and 1 while a job runs.
    private long _polledAtTicks;
    private int _runningJob;

    /// <summary>When the worker last looked for a job; null before its first look.</summary>
    public DateTimeOffset? LastPolledAt => Interlocked.Read(ref _polledAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Whether the worker is running a job now (it does not poll meanwhile).</summary>
    public bool IsRunningJob => Volatile.Read(ref _runningJob) == 1;

    /// <summary>Whether the loop is alive: started and neither stopped nor ended by an error.</summary>
    public bool IsRunning => ExecuteTask is { IsCompleted: false };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        EngineLog.WorkerStarted(logger, options.WorkerId);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Interlocked.Exchange(ref _polledAtTicks, time.GetUtcNow().UtcTicks);
                var job = await queue.ClaimNextAsync(options.WorkerId, options.LeaseDuration, stoppingToken);
                if (job is null)
                {
                    await Task.Delay(options.PollInterval, time, stoppingToken);
                    continue;
                }

                EngineLog.RunningJob(logger, options.WorkerId, job.Id);
                Volatile.Write(ref _runningJob, 1);
                try
                {
                    await runner.RunAsync(job, stoppingToken);
                }
                finally
                {
                    Volatile.Write(ref _runningJob, 0);
                }
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

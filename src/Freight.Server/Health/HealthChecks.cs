using Freight.Core.Engine;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Freight.Server.Health;

/// <summary>
/// The checks behind <c>/health</c>: <c>database</c> (a query round trip), <c>worker</c> (the hosted worker alive and
/// polling recently, or disabled) and <c>queue</c> (how many jobs a worker could claim). Each check has
/// <see cref="Timeout"/> and reports its time on the registered <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class HealthChecks(
    IDbContextFactory<FreightDbContext> contexts,
    FreightDatabase database,
    JobQueue queue,
    EngineOptions engine,
    IEnumerable<IHostedService> hostedServices,
    TimeProvider time,
    ILogger<HealthChecks> logger)
{
    public const string Database = "database";
    public const string Worker = "worker";
    public const string Queue = "queue";

    public static readonly IReadOnlyList<string> Components = [Database, Worker, Queue];

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly Worker? _worker = hostedServices.OfType<Worker>().FirstOrDefault();

    /// <summary>
    /// A worker that has not polled for this long is stuck: three polls missed, plus room for a slow claim query.
    /// </summary>
    private TimeSpan StaleAfter => (engine.PollInterval * 3) + TimeSpan.FromSeconds(10);

    public async Task<HealthReport> CheckAllAsync(CancellationToken cancellationToken) =>
        HealthReport.Of(await Task.WhenAll(Components.Select(name => CheckAsync(name, cancellationToken))), time.GetUtcNow());

    /// <summary>Checks <paramref name="component"/>, one of <see cref="Components"/>.</summary>
    public async Task<ComponentHealth> CheckAsync(string component, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(Timeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        (HealthStatus Status, string Message, IReadOnlyDictionary<string, object>? Details) result;
        try
        {
            result = component switch
            {
                Database => await CheckDatabaseAsync(timeout.Token),
                Worker => CheckWorker(),
                Queue => await CheckQueueAsync(timeout.Token),
                _ => throw new ArgumentOutOfRangeException(nameof(component), component, "No such component."),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = (HealthStatus.Unhealthy, $"No answer within {Timeout.TotalSeconds:0} s.", null);
        }
        catch (Exception error) when (error is not OperationCanceledException and not OutOfMemoryException)
        {
            // Any failure is an unhealthy component, never a 500. The exception text can name hosts and files:
            // logged for the operator, summarised in the answer.
            LogCheckFailed(logger, error, component);
            result = (HealthStatus.Unhealthy, $"The {component} check failed: {error.GetType().Name}.", null);
        }

        return new ComponentHealth(component, result.Status, time.GetElapsedTime(started).TotalMilliseconds, result.Message, result.Details);
    }

    private async Task<(HealthStatus, string, IReadOnlyDictionary<string, object>?)> CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // A fresh connection that may not create the file: a pooled one keeps a deleted file open and still answers.
            var file = new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
            await using var connection = new SqliteConnection(file.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        else
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            await context.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
        }

        return (HealthStatus.Healthy, $"{database.Provider} answered.", null);
    }

    private (HealthStatus, string, IReadOnlyDictionary<string, object>?) CheckWorker()
    {
        if (_worker is null)
        {
            return (HealthStatus.Disabled, "This process runs no worker (RunWorker is false).", null);
        }

        var details = new Dictionary<string, object> { ["worker_id"] = engine.WorkerId, ["running_job"] = _worker.IsRunningJob };
        if (_worker.LastPolledAt is { } polledAt)
        {
            details["last_polled_at"] = polledAt;
        }

        if (!_worker.IsRunning)
        {
            return (HealthStatus.Unhealthy, "The worker has stopped.", details);
        }

        if (_worker.IsRunningJob)
        {
            return (HealthStatus.Healthy, "The worker is running a job.", details);
        }

        return _worker.LastPolledAt is { } last && time.GetUtcNow() - last <= StaleAfter
            ? (HealthStatus.Healthy, "The worker is polling for jobs.", details)
            : (HealthStatus.Unhealthy, $"The worker has not polled for jobs in the last {StaleAfter.TotalSeconds:0} s.", details);
    }

    private async Task<(HealthStatus, string, IReadOnlyDictionary<string, object>?)> CheckQueueAsync(CancellationToken cancellationToken)
    {
        var claimable = await queue.CountClaimableAsync(cancellationToken);
        return (HealthStatus.Healthy, $"{claimable} job(s) waiting for a worker.", new Dictionary<string, object> { ["claimable_jobs"] = claimable });
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Health check of {Component} failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception error, string component);
}

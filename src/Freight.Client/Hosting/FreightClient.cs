using Freight.Http;

namespace Freight.Client;

/// <summary>
/// The Freight REST API, typed. Calls are grouped by resource (<see cref="Jobs"/>, <see cref="Admin"/>,
/// <see cref="Stats"/>, <see cref="Connectors"/>, <see cref="Health"/>, <see cref="Metrics"/>) and return <see cref="ApiResult{T}"/> /
/// <see cref="ApiResult"/>: they never throw except when cancelled; read a failure's API error with
/// <see cref="FreightApiErrorExtensions.FreightError(ApiResult)"/>. Streams (<c>ListAll…</c>, events) throw
/// <see cref="ApiException"/>. GETs are retried on transient errors; a job creation only with an idempotency key.
/// </summary>
public sealed class FreightClient : IDisposable
{
    private readonly FreightConnection _connection;

    /// <summary>Creates a client.</summary>
    /// <exception cref="ArgumentException"><see cref="FreightClientOptions.BaseAddress"/> is missing or the HTTP options are invalid.</exception>
    public FreightClient(FreightClientOptions options)
    {
        _connection = new FreightConnection(options);
        Jobs = new JobsClient(_connection);
        Admin = new AdminClient(_connection);
        Stats = new StatsClient(_connection);
        Connectors = new ConnectorsClient(_connection);
        Health = new HealthClient(_connection);
        Metrics = new MetricsClient(_connection);
    }

    /// <summary>A tenant's migration jobs, their batches, logs, failures and live events (<c>X-API-Key</c>).</summary>
    public JobsClient Jobs { get; }

    /// <summary>Tenants and their keys (<c>X-Admin-Key</c>).</summary>
    public AdminClient Admin { get; }

    /// <summary>The tenant's statistics (<c>X-API-Key</c>).</summary>
    public StatsClient Stats { get; }

    /// <summary>The systems the server can migrate from and to (<c>X-API-Key</c>).</summary>
    public ConnectorsClient Connectors { get; }

    /// <summary>The server's health (no key).</summary>
    public HealthClient Health { get; }

    /// <summary>The server's Prometheus metrics (no key).</summary>
    public MetricsClient Metrics { get; }

    /// <summary>The Freight.Http client the calls go through, for its circuit states.</summary>
    public ApiClient Http => _connection.Api;

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();
}

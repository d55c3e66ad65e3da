using Freight.Http;

namespace Freight.Client;

/// <summary><c>/api/v1/stats</c>: the calling tenant's jobs and records at a glance.</summary>
public sealed class StatsClient
{
    private readonly FreightConnection _connection;

    internal StatsClient(FreightConnection connection) => _connection = connection;

    /// <summary><c>GET /api/v1/stats</c>: the tenant's statistics.</summary>
    public Task<ApiResult<StatsResponse>> GetAsync(CancellationToken cancellationToken = default) =>
        _connection.Api.SendAsync<StatsResponse>(_connection.AsTenant(ApiRequest.Get("api/v1/stats")), cancellationToken);
}

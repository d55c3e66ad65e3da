using Freight.Http;

namespace Freight.Client;

/// <summary><c>/api/v1/connectors</c>: the systems the server can migrate from and to.</summary>
public sealed class ConnectorsClient
{
    private readonly FreightConnection _connection;

    internal ConnectorsClient(FreightConnection connection) => _connection = connection;

    /// <summary><c>GET /api/v1/connectors</c>: the connectors and the config each takes.</summary>
    public Task<ApiResult<ConnectorListResponse>> ListAsync(CancellationToken cancellationToken = default) =>
        _connection.Api.SendAsync<ConnectorListResponse>(_connection.AsTenant(ApiRequest.Get("api/v1/connectors")), cancellationToken);
}

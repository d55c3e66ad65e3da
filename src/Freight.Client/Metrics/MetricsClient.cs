using System.Text;
using Freight.Http;

namespace Freight.Client;

/// <summary><c>/metrics</c>: the server's metrics in the Prometheus text format, without a key.</summary>
public sealed class MetricsClient
{
    private readonly FreightConnection _connection;

    internal MetricsClient(FreightConnection connection) => _connection = connection;

    /// <summary><c>GET /metrics</c>: the exposition text, one sample per line (<c>freight_jobs{status="pending"} 2</c>).</summary>
    public async Task<ApiResult<string>> GetTextAsync(CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var result = await _connection.Api.DownloadAsync(ApiRequest.Get("metrics"), buffer, cancellationToken).ConfigureAwait(false);
        return result.IsSuccess
            ? ApiResult.Success(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), result.StatusCode ?? System.Net.HttpStatusCode.OK)
            : ApiResult.Failure<string>(result.Error);
    }
}

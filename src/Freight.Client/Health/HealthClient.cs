using System.Net;
using Freight.Http;

namespace Freight.Client;

/// <summary>
/// <c>/health</c>: the server's health, without a key. An unhealthy server answers 503 with the same body, which is
/// an answer, not a failure: the result then succeeds with <see cref="ApiResult.StatusCode"/> 503 and the report.
/// Probes are never retried.
/// </summary>
public sealed class HealthClient
{
    private readonly FreightConnection _connection;

    internal HealthClient(FreightConnection connection) => _connection = connection;

    /// <summary><c>GET /health</c>: the overall state and each component's status.</summary>
    public Task<ApiResult<HealthSummary>> GetAsync(CancellationToken cancellationToken = default) => Probe<HealthSummary>("health", cancellationToken);

    /// <summary><c>GET /health/all</c>: every component with its timing and message.</summary>
    public Task<ApiResult<HealthReport>> GetAllAsync(CancellationToken cancellationToken = default) => Probe<HealthReport>("health/all", cancellationToken);

    /// <summary><c>GET /health/{component}</c>: one component (<c>database</c>, <c>worker</c>, <c>queue</c>); unknown is a 404.</summary>
    public Task<ApiResult<ComponentHealth>> GetComponentAsync(string component, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        return Probe<ComponentHealth>("health/" + Uri.EscapeDataString(component), cancellationToken);
    }

    /// <summary><c>GET /health/live</c>: whether the process answers.</summary>
    public Task<ApiResult<LivenessResponse>> LiveAsync(CancellationToken cancellationToken = default) => Probe<LivenessResponse>("health/live", cancellationToken);

    /// <summary><c>GET /health/ready</c>: whether the server can take work.</summary>
    public Task<ApiResult<HealthReport>> ReadyAsync(CancellationToken cancellationToken = default) => Probe<HealthReport>("health/ready", cancellationToken);

    private async Task<ApiResult<T>> Probe<T>(string path, CancellationToken cancellationToken)
    {
        var result = await _connection.Probe.SendAsync<T>(ApiRequest.Get(path), cancellationToken).ConfigureAwait(false);
        return result.Error is { StatusCode: HttpStatusCode.ServiceUnavailable } error && error.TryGetContentAs<T>(out var report, FreightJson.Options)
            ? ApiResult.Success(report!, HttpStatusCode.ServiceUnavailable)
            : result;
    }
}

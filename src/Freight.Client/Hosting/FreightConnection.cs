using Freight.Http;

namespace Freight.Client;

/// <summary>
/// The Freight.Http clients the resource clients share, and the keys they add. Health probes go through a second
/// client without retries or circuit breaker, because a 503 there is an answer (the server is unhealthy), not a
/// transient error, and a probe must always reach the server.
/// </summary>
internal sealed class FreightConnection : IDisposable
{
    private const string ApiKeyHeader = "X-API-Key";
    private const string AdminKeyHeader = "X-Admin-Key";

    private readonly HttpMessageHandler _handler;
    private readonly bool _ownsHandler;
    private readonly HttpClient _apiHttp;
    private readonly HttpClient _probeHttp;
    private readonly string? _apiKey;
    private readonly string? _adminKey;

    public FreightConnection(FreightClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BaseAddress is null)
        {
            throw new ArgumentException("FreightClientOptions.BaseAddress is required.", nameof(options));
        }

        _apiKey = options.ApiKey;
        _adminKey = options.AdminKey;
        var apiOptions = HttpOptions(options);
        var probeOptions = HttpOptions(options);
        probeOptions.Retry.MaxAttempts = 1;
        probeOptions.CircuitBreaker.Enabled = false;
        _ownsHandler = options.Handler is null;
        _handler = options.Handler ?? apiOptions.PrimaryHandlerFactory?.Invoke() ?? apiOptions.Transport.CreateHandler();
        _apiHttp = new HttpClient(_handler, disposeHandler: false);
        _probeHttp = new HttpClient(_handler, disposeHandler: false);
        Api = new ApiClient(_apiHttp, apiOptions, name: options.Name);
        Probe = new ApiClient(_probeHttp, probeOptions, name: options.Name + ".health");
    }

    /// <summary>Every call but the health probes.</summary>
    public ApiClient Api { get; }

    /// <summary>The health probes: one attempt each.</summary>
    public ApiClient Probe { get; }

    public ApiRequest AsTenant(ApiRequest request) => _apiKey is null ? request : request.WithHeader(ApiKeyHeader, _apiKey);

    public ApiRequest AsAdmin(ApiRequest request) => _adminKey is null ? request : request.WithHeader(AdminKeyHeader, _adminKey);

    public void Dispose()
    {
        Api.Dispose();
        Probe.Dispose();
        _apiHttp.Dispose();
        _probeHttp.Dispose();
        if (_ownsHandler)
        {
            _handler.Dispose();
        }
    }

    private static ApiClientOptions HttpOptions(FreightClientOptions options)
    {
        var http = new ApiClientOptions
        {
            // Routes are relative ("api/v1/jobs"), so a server under a path prefix keeps it.
            BaseAddress = options.BaseAddress!.AbsoluteUri.EndsWith('/') ? options.BaseAddress : new Uri(options.BaseAddress.AbsoluteUri + "/"),
            TimeProvider = options.TimeProvider,
            JsonSerializerOptions = FreightJson.Options,
        };
        options.ConfigureHttp?.Invoke(http);
        http.Hooks.Add(ResponseHeaders.Hook);
        return http;
    }
}

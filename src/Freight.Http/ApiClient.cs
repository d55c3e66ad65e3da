using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Freight.Http;

/// <summary>
/// A resilient client for one third-party API. Every call goes through, outermost first: the rate limiter (shared by
/// key across the process) → the total timeout → retry → the circuit breaker (per host) → the attempt timeout (each
/// attempt gets the attempt timeout or what is left of the total, whichever is shorter) →
/// hooks and auth → the transport. Calls return an <see cref="ApiResult{T}"/> for every failure of the remote side; they throw only on cancellation
/// or when the caller's own code (a hook, auth, a body factory) throws.
/// </summary>
/// <remarks>Create one per API and keep it: pipelines, breakers and connections are built once and reused.</remarks>
public sealed partial class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    // What attempts are sent through: the caller's HttpClient, or, when this client owns its handler, a bare invoker
    // over it, which skips HttpClient's own timeout and pending-request bookkeeping (a linked token source per call).
    private readonly HttpMessageInvoker _transport;
    private readonly bool _ownsHttp;
    private readonly ApiClientOptions _options;
    private readonly PipelineRegistry _pipelines;
    private readonly ILogger _logger;
    private readonly IRequestHook[] _hooks;
    private readonly KeyValuePair<string, string>[] _defaultHeaders;

    /// <summary>Creates a client over an existing <see cref="HttpClient"/> (for example one from <c>IHttpClientFactory</c>); the client is not disposed with this one.</summary>
    public ApiClient(HttpClient httpClient, ApiClientOptions options, ILoggerFactory? loggerFactory = null, string name = "default")
        : this(httpClient, httpClient, ownsHttp: false, options, loggerFactory, name)
    {
    }

    private ApiClient(HttpClient httpClient, HttpMessageInvoker transport, bool ownsHttp, ApiClientOptions options, ILoggerFactory? loggerFactory, string name)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = httpClient;
        _transport = transport;
        _ownsHttp = ownsHttp;
        if (_http.Timeout != Timeout.InfiniteTimeSpan)
        {
            try
            {
                // The options' timeouts govern calls; HttpClient's own (100 s by default) would cut them short.
                _http.Timeout = Timeout.InfiniteTimeSpan;
            }
            catch (InvalidOperationException)
            {
                // A shared client that has already sent requests cannot be changed; its timeout then also bounds each call.
            }
        }
        _options = options;
        Name = name;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Freight.Http.ApiClient");
        _pipelines = new PipelineRegistry(options, name, _logger);
        _hooks = [.. options.Hooks];
        _defaultHeaders = [.. options.DefaultHeaders];
        if (options.Auth is OAuth2ClientCredentialsAuth oauth)
        {
            oauth.Attach(httpClient, options.TimeProvider);
        }
    }

    /// <summary>The client's name, used in metrics and logs.</summary>
    public string Name { get; }

    /// <summary>The state of every circuit breaker this client has, by key.</summary>
    public IReadOnlyDictionary<string, CircuitState> CircuitStates => _pipelines.States;

    /// <summary>Creates a client that owns its transport: a pooled <see cref="SocketsHttpHandler"/> unless <see cref="ApiClientOptions.PrimaryHandlerFactory"/> gives another.</summary>
    public static ApiClient Create(ApiClientOptions options, ILoggerFactory? loggerFactory = null, string name = "default")
    {
        ArgumentNullException.ThrowIfNull(options);
        HttpMessageHandler handler = options.PrimaryHandlerFactory?.Invoke() ?? options.Transport.CreateHandler();
        return new ApiClient(
            new HttpClient(handler, disposeHandler: true),
            new HttpMessageInvoker(handler, disposeHandler: false),
            ownsHttp: true,
            options,
            loggerFactory,
            name);
    }

    /// <summary>The state of the circuit breaker for <paramref name="key"/> (by default the request URI's authority: <c>api.example.com</c>, or <c>127.0.0.1:8080</c> for a non-default port), or <see langword="null"/> when none exists yet.</summary>
    public CircuitState? GetCircuitState(string key) => _pipelines.GetState(key);

    /// <summary>Sends a request and reads the response body as <typeparamref name="T"/>.</summary>
    public async Task<ApiResult<T>> SendAsync<T>(ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (response, error) = await ExecuteAsync(request, bufferBody: true, cancellationToken).ConfigureAwait(false);
        return error is not null ? ApiResult.Failure<T>(error) : await ReadAsync<T>(response!, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request whose response body is not needed.</summary>
    public async Task<ApiResult> SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (response, error) = await ExecuteAsync(request, bufferBody: true, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiResult.Failure(error);
        }

        using (response)
        {
            return ApiResult.Success(response!.StatusCode);
        }
    }

    /// <summary>GET <paramref name="path"/> as <typeparamref name="T"/>.</summary>
    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(ApiRequest.Get(path), cancellationToken);

    /// <summary>POST a JSON body to <paramref name="path"/>. Not retried unless the request carries an idempotency key; build an <see cref="ApiRequest"/> to add one.</summary>
    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(ApiRequest.Post(path, body), cancellationToken);

    /// <summary>PUT a JSON body to <paramref name="path"/>.</summary>
    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(ApiRequest.Put(path, body), cancellationToken);

    /// <summary>PATCH a JSON body to <paramref name="path"/>. Not retried unless the request carries an idempotency key.</summary>
    public Task<ApiResult<T>> PatchAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(ApiRequest.Patch(path, body), cancellationToken);

    /// <summary>DELETE <paramref name="path"/>.</summary>
    public Task<ApiResult> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(ApiRequest.Delete(path), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _transport.Dispose();
            _http.Dispose();
        }
    }

    private JsonSerializerOptions Json => _options.JsonSerializerOptions;

    private Uri ResolveUri(ApiRequest request)
    {
        var pathAndQuery = request.BuildPathAndQuery();
        if (Uri.TryCreate(pathAndQuery, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        return _options.BaseAddress is { } baseAddress
            ? new Uri(baseAddress, pathAndQuery)
            : throw new InvalidOperationException($"The request path '{request.Path}' is relative and the client has no BaseAddress.");
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}

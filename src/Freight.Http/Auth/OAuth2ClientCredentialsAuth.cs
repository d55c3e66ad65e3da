using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Freight.Http;

/// <summary>
/// OAuth2 client credentials with a cached token. The token is replaced shortly before it expires, and at most once
/// per 401 however many calls saw it: refreshes are single-flight.
/// </summary>
internal sealed class OAuth2ClientCredentialsAuth : ApiAuth, IDisposable
{
    private readonly OAuth2Options _options;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private HttpClient? _http;
    private TimeProvider _time = TimeProvider.System;
    private volatile CachedToken? _token;

    public OAuth2ClientCredentialsAuth(OAuth2Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TokenEndpoint is null)
        {
            throw new ArgumentException("OAuth2Options.TokenEndpoint is required.", nameof(options));
        }

        _options = options;
        _http = options.HttpClient;
        _time = options.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>Gives the token requests a transport and clock when the options named none.</summary>
    internal void Attach(HttpClient http, TimeProvider time)
    {
        _http ??= http;
        if (_options.TimeProvider is null)
        {
            _time = time;
        }
    }

    public override async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = _token;
        if (token is null || _time.GetUtcNow() >= token.RefreshAt)
        {
            token = await RefreshAsync(stale: token?.Value, cancellationToken).ConfigureAwait(false);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
    }

    public override async ValueTask<bool> RefreshAfterUnauthorizedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await RefreshAsync(stale: request.Headers.Authorization?.Parameter, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public void Dispose() => _refreshLock.Dispose();

    /// <summary>Fetches a new token unless another caller already replaced <paramref name="stale"/>.</summary>
    private async Task<CachedToken> RefreshAsync(string? stale, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _token;
            if (current is not null && current.Value != stale && _time.GetUtcNow() < current.RefreshAt)
            {
                return current;
            }

            var fresh = await FetchAsync(cancellationToken).ConfigureAwait(false);
            _token = fresh;
            return fresh;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var http = _http ?? throw new InvalidOperationException("The OAuth2 token client is not attached to a transport.");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", _options.ClientId),
            new("client_secret", _options.ClientSecret),
        };
        if (!string.IsNullOrEmpty(_options.Scope))
        {
            fields.Add(new("scope", _options.Scope));
        }

        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(_options.TokenEndpoint, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException(new ApiError(ApiErrorKind.Http, $"The OAuth2 token endpoint answered {(int)response.StatusCode}.")
            {
                StatusCode = response.StatusCode,
                Body = body,
            });
        }

        TokenResponse? token;
        try
        {
            token = JsonSerializer.Deserialize<TokenResponse>(body);
        }
        catch (JsonException ex)
        {
            // A proxy's HTML page or a malformed field must fail the call, not escape it as an unexpected error.
            throw new ApiException(new ApiError(ApiErrorKind.Validation, $"The OAuth2 token response is not valid: {ex.Message}") { Exception = ex });
        }

        if (string.IsNullOrEmpty(token?.AccessToken))
        {
            throw new ApiException(new ApiError(ApiErrorKind.Validation, "The OAuth2 token response has no access_token."));
        }

        var lifetime = token.ExpiresIn is > 0 ? TimeSpan.FromSeconds(token.ExpiresIn.Value) : _options.DefaultLifetime;
        var refreshIn = lifetime > _options.RefreshBeforeExpiry ? lifetime - _options.RefreshBeforeExpiry : lifetime / 2;
        return new CachedToken(token.AccessToken, _time.GetUtcNow() + refreshIn);
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? ExpiresIn);
}

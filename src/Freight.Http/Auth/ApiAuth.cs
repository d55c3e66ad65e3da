using System.Net.Http.Headers;
using System.Text;

namespace Freight.Http;

/// <summary>Credentials applied to every attempt, after the hooks. Create one with the static helpers.</summary>
public abstract class ApiAuth
{
    /// <summary>Adds the credentials to an attempt.</summary>
    public abstract ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// Called when an attempt got 401. Return <see langword="true"/> when fresh credentials were obtained and the
    /// attempt should be sent once more.
    /// </summary>
    public virtual ValueTask<bool> RefreshAfterUnauthorizedAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(false);

    /// <summary>An API key in a header (such as <c>X-API-Key</c>) or a query parameter.</summary>
    public static ApiAuth ApiKey(string name, string key, ApiKeyLocation location = ApiKeyLocation.Header) =>
        new ApiKeyAuth(name, key, location);

    /// <summary>A static bearer token.</summary>
    public static ApiAuth Bearer(string token) => new BearerAuth(_ => ValueTask.FromResult(token));

    /// <summary>A bearer token fetched from a provider for every attempt (the provider caches as it sees fit).</summary>
    public static ApiAuth Bearer(Func<CancellationToken, ValueTask<string>> tokenProvider) => new BearerAuth(tokenProvider);

    /// <summary>HTTP Basic credentials.</summary>
    public static ApiAuth Basic(string username, string password) => new BasicAuth(username, password);

    /// <summary>OAuth2 client credentials: a cached token, refreshed before it expires and once after a 401.</summary>
    public static ApiAuth OAuth2ClientCredentials(OAuth2Options options) => new OAuth2ClientCredentialsAuth(options);

    private sealed class ApiKeyAuth(string name, string key, ApiKeyLocation location) : ApiAuth
    {
        public override ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (location == ApiKeyLocation.Header)
            {
                request.Headers.TryAddWithoutValidation(name, key);
            }
            else if (request.RequestUri is { } uri)
            {
                var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
                request.RequestUri = new Uri($"{uri}{separator}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(key)}");
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class BearerAuth(Func<CancellationToken, ValueTask<string>> tokenProvider) : ApiAuth
    {
        public override async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokenProvider(cancellationToken).ConfigureAwait(false));
    }

    private sealed class BasicAuth(string username, string password) : ApiAuth
    {
        private readonly AuthenticationHeaderValue _header =
            new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

        public override ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = _header;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Where an API key is sent.</summary>
public enum ApiKeyLocation
{
    /// <summary>In a request header.</summary>
    Header,

    /// <summary>In a query parameter.</summary>
    Query,
}

namespace Freight.Http;

/// <summary>Settings for the OAuth2 client-credentials grant.</summary>
public sealed class OAuth2Options
{
    /// <summary>The token endpoint, such as <c>https://auth.example.com/oauth/token</c>.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The client secret; never logged.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The scopes to ask for, space-separated; none when empty.</summary>
    public string? Scope { get; set; }

    /// <summary>How long before its expiry a token is replaced.</summary>
    /// <value>60 s</value>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The lifetime assumed when the token response has no <c>expires_in</c>.</summary>
    /// <value>1 h</value>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The client used to call the token endpoint. Defaults to the <see cref="ApiClient"/>'s own transport, without its pipeline.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>The clock for expiry; defaults to the <see cref="ApiClient"/>'s.</summary>
    public TimeProvider? TimeProvider { get; set; }
}

using System.Net;

namespace Freight.Http;

/// <summary>Connection pooling and protocol settings of the built-in <see cref="SocketsHttpHandler"/>.</summary>
public sealed class TransportOptions
{
    /// <summary>How long a pooled connection is used before it is replaced, so DNS changes are seen.</summary>
    /// <value>5 min</value>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an idle pooled connection is kept.</summary>
    /// <value>1 min</value>
    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Connections per server.</summary>
    /// <value>100</value>
    public int MaxConnectionsPerServer { get; set; } = 100;

    /// <summary>Limit of establishing a connection.</summary>
    /// <value>10 s</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether HTTP/2 is asked for (over TLS it is negotiated, with HTTP/1.1 as the fallback).</summary>
    /// <value><see langword="true"/></value>
    public bool EnableHttp2 { get; set; } = true;

    /// <summary>Whether to speak HTTP/2 on cleartext <c>http://</c> without negotiation (h2c with prior knowledge).</summary>
    /// <value><see langword="false"/></value>
    public bool Http2PriorKnowledge { get; set; }

    /// <summary>
    /// Whether the built-in handler follows 3xx redirects by itself. Off, a redirect is an ordinary non-success result
    /// (<see cref="ApiErrorKind.Http"/> with its status and <c>Location</c> header) that the caller sees and may act on.
    /// </summary>
    /// <value><see langword="false"/></value>
    public bool FollowRedirects { get; set; }

    /// <summary>
    /// Decides, whenever the built-in handler opens a connection, whether a host may be reached at an address. It is
    /// called with the request's host (without brackets) and each address the host resolves to (an IP literal: itself;
    /// IPv4-mapped IPv6 addresses as IPv4), and the connection is made only to the addresses it allows. When it allows
    /// none, the call fails with <see cref="ApiErrorKind.NotAllowed"/> and is not retried. Set, it also turns the
    /// system proxy off, since a proxy would connect on the client's behalf. <see langword="null"/> allows every address.
    /// </summary>
    public Func<string, IPAddress, bool>? ConnectPolicy { get; set; }

    internal Version RequestVersion => EnableHttp2 || Http2PriorKnowledge ? HttpVersion.Version20 : HttpVersion.Version11;

    internal HttpVersionPolicy VersionPolicy => Http2PriorKnowledge ? HttpVersionPolicy.RequestVersionExact : HttpVersionPolicy.RequestVersionOrLower;

    /// <summary>Creates the handler these options describe.</summary>
    public SocketsHttpHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = PooledConnectionLifetime,
            PooledConnectionIdleTimeout = PooledConnectionIdleTimeout,
            MaxConnectionsPerServer = MaxConnectionsPerServer,
            ConnectTimeout = ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.All,
            EnableMultipleHttp2Connections = true,
            AllowAutoRedirect = FollowRedirects,
        };
        if (ConnectPolicy is { } policy)
        {
            handler.ConnectCallback = PolicyConnector.Create(policy);
            handler.UseProxy = false;
        }

        return handler;
    }

    internal IEnumerable<string> Validate()
    {
        if (MaxConnectionsPerServer < 1)
        {
            yield return "Transport.MaxConnectionsPerServer must be at least 1.";
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            yield return "Transport.ConnectTimeout must be positive.";
        }
    }
}

using System.Net;

namespace Freight.Http;

/// <summary>
/// The transport's <see cref="TransportOptions.ConnectPolicy"/> refused every address of a host, so no connection was
/// opened. A call that meets it fails with <see cref="ApiErrorKind.NotAllowed"/> and is not retried.
/// </summary>
public sealed class ConnectionNotAllowedException : Exception
{
    /// <summary>Creates the exception for <paramref name="host"/> and the addresses it resolved to.</summary>
    public ConnectionNotAllowedException(string host, IReadOnlyList<IPAddress> addresses)
        : base(Describe(host, addresses))
    {
        Host = host;
        Addresses = addresses;
    }

    /// <summary>The host of the request.</summary>
    public string Host { get; }

    /// <summary>The addresses the host resolved to, every one refused (the address itself for an IP literal).</summary>
    public IReadOnlyList<IPAddress> Addresses { get; }

    private static string Describe(string host, IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var list = string.Join(", ", addresses);
        return addresses.Count == 0
            ? $"{host} resolves to no address; it is not allowed by the outbound policy."
            : list == host
                ? $"Connecting to {host} is not allowed by the outbound policy."
                : $"Connecting to {host} at {list} is not allowed by the outbound policy.";
    }
}

using System.Net;

namespace Freight.Connectors;

/// <summary>
/// Where connectors may send requests (BRIEF §7, SSRF): a connector's official host over https, or a host the
/// operator allowlisted (<c>FREIGHT_OUTBOUND_ALLOWLIST</c>: host names, IP addresses or CIDR ranges). Anything
/// else, private, loopback and link-local addresses included, is refused. <see cref="Check"/> vets a job's
/// <c>base_url</c> when it is created; <see cref="ConnectPolicy"/> vets every connection the connector opens, at the
/// address it connects to, so a redirect or a DNS answer that changed later cannot lead anywhere else.
/// </summary>
public sealed class OutboundPolicy
{
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _networks = [];

    /// <summary>A policy with no allowlist: official hosts only.</summary>
    public static OutboundPolicy OfficialOnly { get; } = new([]);

    /// <summary><see cref="ArgumentException"/> names an entry that is neither a host name, an address nor a CIDR range.</summary>
    public OutboundPolicy(IEnumerable<string> allowlist)
    {
        ArgumentNullException.ThrowIfNull(allowlist);
        foreach (var raw in allowlist)
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            if (IPNetwork.TryParse(entry, out var network))
            {
                _networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                _networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else if (Uri.CheckHostName(entry) == UriHostNameType.Dns)
            {
                _hosts.Add(entry);
            }
            else
            {
                throw new ArgumentException($"'{entry}' in the outbound allowlist is not a host name, an IP address or a CIDR range.", nameof(allowlist));
            }
        }
    }

    /// <summary>Reads a comma-separated allowlist such as <c>127.0.0.1,10.0.0.0/8,crm.internal</c>.</summary>
    public static OutboundPolicy Parse(string? allowlist) =>
        string.IsNullOrWhiteSpace(allowlist) ? OfficialOnly : new OutboundPolicy(allowlist.Split(','));

    /// <summary>Null when <paramref name="baseUrl"/> may be used, else why not, in words for the job's creator.</summary>
    public string? Check(string baseUrl, string officialHost)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"base_url '{baseUrl}' is not an absolute http(s) URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "base_url must not carry credentials.";
        }

        if (IsAllowlisted(uri))
        {
            return null;
        }

        if (string.Equals(uri.IdnHost, officialHost, StringComparison.OrdinalIgnoreCase))
        {
            return uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort
                ? null
                : $"base_url must be https://{officialHost}.";
        }

        return $"base_url host '{uri.Host}' is neither {officialHost} nor on the operator's outbound allowlist.";
    }

    /// <summary>
    /// Whether a connector whose official host is <paramref name="officialHost"/> may connect to <paramref name="host"/>
    /// at <paramref name="address"/> (one of the addresses the host resolved to, or the host itself when it is an IP):
    /// <list type="bullet">
    /// <item>a host name on the allowlist, at any address: the operator allowlisted the name, so whatever it resolves
    /// to, a private address included, is theirs to allow;</item>
    /// <item>any host at an address inside an allowlisted address or CIDR range;</item>
    /// <item>the official host at a public address. The official host at a private, loopback, link-local or other
    /// special address is refused, as is any other host that is not allowlisted.</item>
    /// </list>
    /// </summary>
    public bool AllowsConnection(string host, IPAddress address, string officialHost)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var name = host.TrimEnd('.');
        if (_hosts.Contains(name) || _networks.Exists(network => network.Contains(address)))
        {
            return true;
        }

        return string.Equals(name, officialHost, StringComparison.OrdinalIgnoreCase) && !SpecialAddresses.Contains(address);
    }

    /// <summary>The check of <see cref="AllowsConnection"/> for one connector, as Freight.Http's <c>Transport.ConnectPolicy</c>.</summary>
    public Func<string, IPAddress, bool> ConnectPolicy(string officialHost) =>
        (host, address) => AllowsConnection(host, address, officialHost);

    private bool IsAllowlisted(Uri uri)
    {
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address))
        {
            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }

            return _networks.Exists(network => network.Contains(address));
        }

        return _hosts.Contains(uri.IdnHost);
    }
}

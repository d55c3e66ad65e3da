using System.Net;
using System.Net.Sockets;

namespace Freight.Http;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of a transport with a connect policy: the host is resolved here,
/// each address is put to the policy, and the socket connects only to the addresses it allowed. The address checked is
/// the address connected to, so neither a redirect nor a DNS answer that changed since an earlier check can lead
/// elsewhere.
/// </summary>
internal static class PolicyConnector
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Create(Func<string, IPAddress, bool> policy) =>
        (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, policy, cancellationToken);

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, Func<string, IPAddress, bool> policy, CancellationToken cancellationToken)
    {
        var host = endpoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var normalized = addresses.Select(a => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).Distinct().ToArray();
        var allowed = normalized.Where(address => policy(host, address)).ToArray();
        if (allowed.Length == 0)
        {
            throw new ConnectionNotAllowedException(host, normalized);
        }

        // A dual-mode socket where IPv6 exists, so one socket can try IPv4 and IPv6 addresses alike, as the handler's own does.
        var socket = Socket.OSSupportsIPv6
            ? new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true }
            : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true;
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

using System.Net;

namespace Freight.Sandbox.Hosting;

/// <summary>Reads a simulator URL given on the command line: http, a loopback host, a port, nothing else.</summary>
internal static class LoopbackUrl
{
    /// <summary>The address and port to listen on, or null with a message naming <paramref name="option"/>.</summary>
    public static IPEndPoint? Read(string? text, string option, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
        {
            problem = $"{option} must be an http URL such as http://127.0.0.1:5101, not '{text}'.";
            return null;
        }

        if (url.UserInfo.Length > 0 || url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            problem = $"{option} must be only a scheme, host and port such as http://127.0.0.1:5101, not '{text}'.";
            return null;
        }

        var address = url.IsLoopback && url.HostNameType == UriHostNameType.Dns
            ? IPAddress.Loopback
            : IPAddress.TryParse(url.IdnHost, out var ip) && IPAddress.IsLoopback(ip) ? ip : null;
        if (address is null)
        {
            problem = $"{option} must be on a loopback host (127.0.0.1, localhost or [::1]), not '{url.Host}': the simulators never listen elsewhere.";
            return null;
        }

        return new IPEndPoint(address, url.Port);
    }
}

using Freight.Sandbox.Hosting;

namespace Freight.Sandbox.Inspection;

/// <summary>
/// A request's line in the <see cref="RequestLog"/>, written once: by a fault just before it cuts the connection
/// (a client that sees the cut and reads <c>/_sandbox/requests</c> at once finds it counted), as the answer's
/// headers go out, or when the request ends without either.
/// </summary>
internal sealed class RequestLogEntry(RequestLog log, SandboxRoute route)
{
    private int _recorded;

    public void Record(int status)
    {
        if (Interlocked.Exchange(ref _recorded, 1) == 0)
        {
            log.Record(route, status);
        }
    }
}

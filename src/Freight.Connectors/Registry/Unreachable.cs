using Freight.Http;

namespace Freight.Connectors;

/// <summary>
/// The failures that no retry can get past on the way to a system: a connection the <see cref="OutboundPolicy"/>
/// refused, and a redirect, which Freight does not follow. Both stop the job and say what to fix.
/// </summary>
internal static class Unreachable
{
    /// <summary>
    /// The job-stopping failure <paramref name="error"/> is, or null. <paramref name="reading"/> and
    /// <paramref name="answering"/> say what was asked (" to read companies", " companies") or are empty.
    /// </summary>
    public static ConnectorException? From(ApiError error, string system, string side, string reading = "", string answering = "")
    {
        if (error.Kind == ApiErrorKind.NotAllowed)
        {
            return new ConnectorException(
                $"{system} was not reached{reading}: {error.Message} Fix the {side}'s base_url, or allowlist the host in FREIGHT_OUTBOUND_ALLOWLIST.",
                stopsJob: true,
                error.ToException());
        }

        if (error.StatusCode is { } status && (int)status is >= 300 and < 400)
        {
            var location = error.Headers?.Location is { } to ? $" to {to}" : "";
            return new ConnectorException(
                $"{system} answered{answering} with a redirect ({error.Message}{location}); Freight does not follow redirects: fix the {side}'s base_url.",
                stopsJob: true,
                error.ToException());
        }

        return null;
    }
}

using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Faults;

/// <summary>
/// Writes injected error answers in one API's own error shape; each simulator brings its responder
/// (<see cref="FaultResponders"/>) so a client's error handling meets the same bodies and headers as in production.
/// </summary>
public interface IFaultResponder
{
    /// <summary>
    /// Writes a 429 or a 5xx (500 or 503) answer. <paramref name="retryAfter"/> is what a 429 or 503 asks the
    /// client to wait; <paramref name="now"/> is the simulator's clock, for APIs that send Retry-After as a date.
    /// </summary>
    Task WriteAsync(HttpResponse response, int statusCode, TimeSpan retryAfter, DateTimeOffset now);
}

/// <summary>The responders of the simulated APIs.</summary>
public static class FaultResponders
{
    /// <summary>Affinity v2: <c>{"errors":[{"code","message"}]}</c>, Retry-After in seconds (CRM_APIS.md A2, A3).</summary>
    public static IFaultResponder Affinity { get; } = new AffinityFaultResponder();

    /// <summary>Attio: <c>{"status_code","type","code","message"}</c>, Retry-After as an HTTP date (CRM_APIS.md B2, B3).</summary>
    public static IFaultResponder Attio { get; } = new AttioFaultResponder();
}

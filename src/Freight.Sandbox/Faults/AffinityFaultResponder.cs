using System.Globalization;
using Freight.Sandbox.Affinity;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Faults;

/// <summary>Affinity's v2 error body and Retry-After in whole seconds (at least 1), as the simulator's own 429s.</summary>
internal sealed class AffinityFaultResponder : IFaultResponder
{
    public Task WriteAsync(HttpResponse response, int statusCode, TimeSpan retryAfter, DateTimeOffset now)
    {
        var (code, message) = statusCode == StatusCodes.Status429TooManyRequests
            ? ("rate-limit", "Rate limit exceeded.")
            : ServerErrorChoices.Affinity(statusCode);
        response.StatusCode = statusCode;
        if (ServerErrorChoices.SendsRetryAfter(statusCode))
        {
            var seconds = (long)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return response.WriteAsJsonAsync(AffinityErrors.Of(code, message));
    }
}

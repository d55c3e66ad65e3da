using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Freight.Http;

/// <summary>Pure maths for retry delays: backoff with jitter, and the server's own wait hints.</summary>
internal static class RetryDelays
{
    // Unix times in reset headers are this large; smaller values are seconds to wait.
    private const long UnixTimeThreshold = 1_000_000_000;

    /// <summary>Backoff before retry number <paramref name="retry"/> (0 = first retry): base × 2^retry, jittered by ±factor, never above max.</summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double jitterFactor, double random)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        var jittered = capped * (1 + (jitterFactor * ((2 * random) - 1)));
        return TimeSpan.FromMilliseconds(Math.Clamp(jittered, 0, maxDelay.TotalMilliseconds));
    }

    /// <summary>
    /// The wait a response asked for: <c>Retry-After</c> on any status, the reset headers only on a 429. Many APIs send
    /// their quota window's reset on every response, where it says nothing about when to retry.
    /// </summary>
    public static TimeSpan? FromResponse(HttpResponseMessage response, IReadOnlyList<string> resetHeaders, DateTimeOffset now) =>
        FromResponse(response.Headers, response.StatusCode == HttpStatusCode.TooManyRequests ? resetHeaders : [], now);

    /// <summary>The wait the server asked for, from <c>Retry-After</c> (seconds or HTTP date) or a rate-limit reset header; rounded up to whole seconds so a retry never comes early.</summary>
    public static TimeSpan? FromResponse(HttpResponseHeaders headers, IReadOnlyList<string> resetHeaders, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return RoundUpToSeconds(delta);
            }

            if (retryAfter.Date is { } date)
            {
                return RoundUpToSeconds(date - now);
            }
        }

        foreach (var name in resetHeaders)
        {
            if (headers.TryGetValues(name, out var values)
                && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
            {
                return reset >= UnixTimeThreshold
                    ? RoundUpToSeconds(DateTimeOffset.FromUnixTimeSeconds(reset) - now)
                    : TimeSpan.FromSeconds(Math.Max(0, reset));
            }
        }

        return null;
    }

    private static TimeSpan RoundUpToSeconds(TimeSpan value) =>
        value <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(value.TotalSeconds));
}

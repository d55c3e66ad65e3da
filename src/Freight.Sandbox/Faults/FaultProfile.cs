namespace Freight.Sandbox.Faults;

/// <summary>
/// What goes wrong on a route, and how often. Each share is a whole percent (0.03 = 3 requests in
/// every 100) and is exact in every block of 100 requests on the route; the shares together stay
/// within 1. Latency applies to every request of the route, faulted or not.
/// </summary>
public sealed record FaultProfile
{
    /// <summary>Default <see cref="RetryAfter"/>: Attio's Retry-After is "usually the next second" (CRM_APIS.md B2).</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public const int DefaultSlowBodyChunkBytes = 512;

    public static readonly TimeSpan DefaultSlowBodyChunkDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest latency, jitter, Retry-After or chunk delay a profile may ask for.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);

    /// <summary>No fault and no latency.</summary>
    public static FaultProfile None { get; } = new();

    /// <summary>Share answered 500 or 503 in the API's error shape before the endpoint runs.</summary>
    public double ServerErrors { get; init; }

    /// <summary>Share answered 429 with Retry-After before the endpoint runs.</summary>
    public double RateLimits { get; init; }

    /// <summary>Share whose connection is cut without an answer: alternately before the endpoint runs and after it ran.</summary>
    public double DroppedConnections { get; init; }

    /// <summary>Share whose endpoint runs, whose answer declares its full Content-Length, and whose connection is cut mid-body.</summary>
    public double TruncatedBodies { get; init; }

    /// <summary>Share whose endpoint runs and whose body is sent in chunks of <see cref="SlowBodyChunkBytes"/>, each after <see cref="SlowBodyChunkDelay"/>.</summary>
    public double SlowBodies { get; init; }

    /// <summary>Added before every request of the route is handled.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Up to this much more, spread evenly in 1 % steps over each block of 100 requests.</summary>
    public TimeSpan LatencyJitter { get; init; }

    /// <summary>What injected 429 and 503 answers ask the client to wait.</summary>
    public TimeSpan RetryAfter { get; init; } = DefaultRetryAfter;

    public int SlowBodyChunkBytes { get; init; } = DefaultSlowBodyChunkBytes;

    public TimeSpan SlowBodyChunkDelay { get; init; } = DefaultSlowBodyChunkDelay;

    /// <summary>
    /// A profile failing <paramref name="rate"/> of requests transiently, split in whole percents by
    /// largest remainder in the proportions of <see cref="TransientSplit"/>.
    /// </summary>
    public static FaultProfile Transient(double rate)
    {
        if (FaultShares.Percent(rate) is not { } percent)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The rate must be a whole percent between 0 and 1, e.g. 0.05.");
        }

        var split = TransientSplit.Divide(percent);
        return new FaultProfile
        {
            ServerErrors = split[0] / 100.0,
            RateLimits = split[1] / 100.0,
            DroppedConnections = split[2] / 100.0,
            TruncatedBodies = split[3] / 100.0,
        };
    }

    /// <summary>Why the profile cannot be used, prefixed by <paramref name="where"/>; null when it can.</summary>
    internal string? Problem(string where)
    {
        (string Name, double Share)[] shares =
        [
            ("server_errors", ServerErrors), ("rate_limits", RateLimits), ("dropped_connections", DroppedConnections),
            ("truncated_bodies", TruncatedBodies), ("slow_bodies", SlowBodies),
        ];
        var total = 0;
        foreach (var (name, share) in shares)
        {
            if (FaultShares.Percent(share) is not { } percent)
            {
                return $"{where}.{name} must be a whole percent between 0 and 1 (e.g. 0.05), not {share}.";
            }

            total += percent;
        }

        if (total > 100)
        {
            return $"{where}: the shares add up to {total / 100.0}, more than 1.";
        }

        (string Name, TimeSpan Value)[] delays =
        [
            ("latency", Latency), ("latency_jitter", LatencyJitter), ("retry_after", RetryAfter), ("slow_body_chunk_delay", SlowBodyChunkDelay),
        ];
        foreach (var (name, value) in delays)
        {
            if (value < TimeSpan.Zero || value > MaxDelay)
            {
                return $"{where}.{name} must be between 0 and {MaxDelay.TotalMilliseconds} ms, not {value.TotalMilliseconds} ms.";
            }
        }

        return SlowBodyChunkBytes < 1 ? $"{where}.slow_body_chunk_bytes must be at least 1, not {SlowBodyChunkBytes}." : null;
    }
}

using Polly;

namespace Freight.Http;

/// <summary>
/// Circuit breaker settings. One breaker per key (by default the request's host and port), so a failing host
/// does not stop calls to another. The breaker opens when, within <see cref="SamplingDuration"/>, at least
/// <see cref="MinimumThroughput"/> attempts were made and the share that failed reached <see cref="FailureRatio"/>;
/// with a ratio of 1 and a throughput of N it opens after N failures in a row.
/// </summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Whether calls go through a circuit breaker.</summary>
    /// <value><see langword="true"/></value>
    public bool Enabled { get; set; } = true;

    /// <summary>Share of failed attempts that opens the breaker.</summary>
    /// <value>0.5</value>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within the sampling window before the ratio is considered.</summary>
    /// <value>10</value>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>The window over which the failure ratio is measured.</summary>
    /// <value>30 s</value>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the breaker stays open before it lets one probe call through (half-open).</summary>
    /// <value>30 s</value>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a 429 counts as a breaker failure. A 429 pauses the rate-limit key instead.</summary>
    /// <value><see langword="false"/></value>
    public bool CountRateLimitAsFailure { get; set; }

    /// <summary>The most breakers one client keeps; calls for further keys share one overflow breaker.</summary>
    /// <value>1000</value>
    public int MaxKeys { get; set; } = 1000;

    /// <summary>Chooses the breaker key for a request URI. Defaults to the URI's authority (host and port).</summary>
    public Func<Uri, string>? KeySelector { get; set; }

    /// <summary>
    /// Extension point: builds a custom breaker for a key, replacing the built-in one. The pipeline is executed once
    /// per attempt, inside the retry and outside the attempt timeout; return <see cref="ResiliencePipeline{T}.Empty"/> for none.
    /// </summary>
    public Func<string, ResiliencePipeline<HttpResponseMessage>>? Factory { get; set; }

    /// <summary>Called when a breaker changes state, with its key.</summary>
    public Action<string, CircuitState>? OnStateChanged { get; set; }

    internal IEnumerable<string> Validate()
    {
        if (FailureRatio is <= 0 or > 1)
        {
            yield return "CircuitBreaker.FailureRatio must be greater than 0 and at most 1.";
        }

        if (MinimumThroughput < 2)
        {
            yield return "CircuitBreaker.MinimumThroughput must be at least 2.";
        }

        if (SamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return "CircuitBreaker.SamplingDuration must be at least 500 ms.";
        }

        if (BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            yield return "CircuitBreaker.BreakDuration must be at least 500 ms.";
        }

        if (MaxKeys < 1)
        {
            yield return "CircuitBreaker.MaxKeys must be at least 1.";
        }
    }
}

/// <summary>The state of a circuit breaker.</summary>
public enum CircuitState
{
    /// <summary>Calls flow normally.</summary>
    Closed,

    /// <summary>Calls are refused without being sent until the break duration ends.</summary>
    Open,

    /// <summary>One probe call is let through; its outcome closes or reopens the breaker.</summary>
    HalfOpen,

    /// <summary>The breaker was isolated by hand and refuses every call.</summary>
    Isolated,
}

using Freight.TestUtils;

namespace Freight.Http.Tests.CircuitBreaker;

/// <summary>
/// Options for breaker tests: one attempt per call (so the server's count equals the breaker's), a breaker that opens
/// after two failures in a row, no timeouts, no 429 pause, and a private rate-limit registry.
/// </summary>
internal static class BreakerTestOptions
{
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    public static ApiClientOptions For(ManualTimeProvider time, ScriptedServer? server = null) => new()
    {
        BaseAddress = server?.BaseAddress,
        TimeProvider = time,
        RateLimitRegistry = new RateLimitRegistry(),
        AttemptTimeout = Timeout.InfiniteTimeSpan,
        TotalTimeout = Timeout.InfiniteTimeSpan,
        Retry = { MaxAttempts = 1 },
        RateLimit = { PauseOnTooManyRequests = false },
        CircuitBreaker =
        {
            FailureRatio = 1.0,
            MinimumThroughput = 2,
            BreakDuration = BreakDuration,
        },
    };
}

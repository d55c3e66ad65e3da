using Freight.TestUtils;

namespace Freight.Http.Tests.RateLimiting;

/// <summary>Options for rate-limit tests: virtual time, a private registry, no timeouts, retries or breaker to muddy the counts.</summary>
internal static class LimitedClients
{
    public static ApiClientOptions Options(ScriptedServer server, ManualTimeProvider time, RateLimitRegistry registry) => new()
    {
        BaseAddress = server.BaseAddress,
        TimeProvider = time,
        RateLimitRegistry = registry,
        AttemptTimeout = Timeout.InfiniteTimeSpan,
        TotalTimeout = Timeout.InfiniteTimeSpan,
        Retry = { MaxAttempts = 1 },
        CircuitBreaker = { Enabled = false },
    };

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Real-time safety net for awaiting a call that virtual time has released.</summary>
    public static Task<T> Settled<T>(Task<T> call) => call.WaitAsync(TimeSpan.FromSeconds(10));
}

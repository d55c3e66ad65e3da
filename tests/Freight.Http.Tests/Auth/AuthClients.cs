using Freight.TestUtils;

namespace Freight.Http.Tests.Auth;

/// <summary>Options for auth tests: virtual time, a private rate-limit registry, no timeouts, one attempt, no breaker.</summary>
internal static class AuthClients
{
    public static ApiClientOptions Options(ScriptedServer server, ManualTimeProvider time, ApiAuth auth) => new()
    {
        BaseAddress = server.BaseAddress,
        TimeProvider = time,
        RateLimitRegistry = new RateLimitRegistry(),
        AttemptTimeout = Timeout.InfiniteTimeSpan,
        TotalTimeout = Timeout.InfiniteTimeSpan,
        Retry = { MaxAttempts = 1, Randomizer = () => 0.5 },
        CircuitBreaker = { Enabled = false },
        Auth = auth,
    };

    /// <summary>Real-time safety net for a call that needs no virtual time.</summary>
    public static Task<T> Settled<T>(Task<T> call) => call.WaitAsync(TimeSpan.FromSeconds(10));
}

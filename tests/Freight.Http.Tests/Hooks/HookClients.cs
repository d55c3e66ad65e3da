using Freight.TestUtils;

namespace Freight.Http.Tests.Hooks;

/// <summary>Options for hook tests: virtual time, a private rate-limit registry, no timeouts, one attempt, no breaker.</summary>
internal static class HookClients
{
    public static ApiClientOptions Options(ScriptedServer server, ManualTimeProvider time) => new()
    {
        BaseAddress = server.BaseAddress,
        TimeProvider = time,
        RateLimitRegistry = new RateLimitRegistry(),
        AttemptTimeout = Timeout.InfiniteTimeSpan,
        TotalTimeout = Timeout.InfiniteTimeSpan,
        Retry = { MaxAttempts = 1 },
        CircuitBreaker = { Enabled = false },
    };
}

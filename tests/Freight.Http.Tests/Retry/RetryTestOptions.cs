using Freight.TestUtils;

namespace Freight.Http.Tests.Retry;

/// <summary>Options for retry tests: no timeouts (so the only timers are retry delays), no jitter, a private rate-limit registry.</summary>
internal static class RetryTestOptions
{
    public static ApiClientOptions For(ScriptedServer server, ManualTimeProvider time) => new()
    {
        BaseAddress = server.BaseAddress,
        TimeProvider = time,
        RateLimitRegistry = new RateLimitRegistry(),
        AttemptTimeout = Timeout.InfiniteTimeSpan,
        TotalTimeout = Timeout.InfiniteTimeSpan,
        Retry = { JitterFactor = 0 },
    };
}

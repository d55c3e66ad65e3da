using Freight.TestUtils;

namespace Freight.Http.Tests.Timeouts;

/// <summary>Options for timeout tests: explicit timeouts, backoff without jitter, a private rate-limit registry.</summary>
internal static class TimeoutTestOptions
{
    public static ApiClientOptions For(ScriptedServer server, ManualTimeProvider time, TimeSpan attemptTimeout, TimeSpan totalTimeout) => new()
    {
        BaseAddress = server.BaseAddress,
        TimeProvider = time,
        RateLimitRegistry = new RateLimitRegistry(),
        AttemptTimeout = attemptTimeout,
        TotalTimeout = totalTimeout,
        Retry = { JitterFactor = 0 },
    };
}

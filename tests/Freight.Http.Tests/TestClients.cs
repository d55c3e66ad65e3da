using Freight.TestUtils;

namespace Freight.Http.Tests;

/// <summary>The client options, names and real-time safety net that tests of every folder share.</summary>
internal static class TestClients
{
    /// <summary>How long a test waits in real time for work that should already be done; a hung test fails instead.</summary>
    public static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Options for a client of <paramref name="server"/> on a clock only the test moves (a fresh
    /// <see cref="ManualTimeProvider"/> unless <paramref name="time"/> is given), with a private rate-limit registry
    /// (unless <paramref name="registry"/> is shared), no jitter, and no timeouts unless given, so the only timers are
    /// the ones a test is about. One attempt and the default circuit breaker unless asked otherwise.
    /// </summary>
    public static ApiClientOptions Options(
        ScriptedServer? server,
        TimeProvider? time = null,
        int maxAttempts = 1,
        bool breaker = true,
        TimeSpan? attemptTimeout = null,
        TimeSpan? totalTimeout = null,
        ApiAuth? auth = null,
        RateLimitRegistry? registry = null) => new()
        {
            BaseAddress = server?.BaseAddress,
            TimeProvider = time ?? new ManualTimeProvider(),
            RateLimitRegistry = registry ?? new RateLimitRegistry(),
            AttemptTimeout = attemptTimeout ?? Timeout.InfiniteTimeSpan,
            TotalTimeout = totalTimeout ?? Timeout.InfiniteTimeSpan,
            Retry = { MaxAttempts = maxAttempts, JitterFactor = 0 },
            CircuitBreaker = { Enabled = breaker },
            Auth = auth,
        };

    /// <summary>Awaits a call that virtual time has already released, failing it if it still hangs after <see cref="RealTimeLimit"/>.</summary>
    public static Task<T> Settled<T>(Task<T> call) => call.WaitAsync(RealTimeLimit);

    /// <summary>A client name or rate-limit key that no other test uses.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}

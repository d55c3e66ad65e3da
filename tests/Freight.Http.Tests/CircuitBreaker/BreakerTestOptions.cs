using Freight.TestUtils;

namespace Freight.Http.Tests.CircuitBreaker;

/// <summary>
/// Options for breaker tests: <see cref="TestClients.Options"/> (one attempt per call, so the server's count equals the
/// breaker's) with a breaker that opens after two failures in a row, and no 429 pause.
/// </summary>
internal static class BreakerTestOptions
{
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);

    public static ApiClientOptions For(ManualTimeProvider time, ScriptedServer? server = null)
    {
        var options = TestClients.Options(server, time);
        options.RateLimit.PauseOnTooManyRequests = false;
        options.CircuitBreaker.FailureRatio = 1.0;
        options.CircuitBreaker.MinimumThroughput = 2;
        options.CircuitBreaker.BreakDuration = BreakDuration;
        return options;
    }
}

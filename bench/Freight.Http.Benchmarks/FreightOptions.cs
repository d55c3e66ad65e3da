namespace Freight.Http.Benchmarks;

/// <summary>The two Freight.Http configurations every benchmark compares.</summary>
internal static class FreightOptions
{
    /// <summary>
    /// Every stage on: rate limiter, total timeout, retry, circuit breaker, attempt timeout and one hook. Retry,
    /// breaker and timeouts keep their defaults; the limiter's budget is far above what a run can spend, so it is
    /// consulted on every call but never waits.
    /// </summary>
    public static ApiClientOptions FullPipeline(Uri baseAddress, RateLimitRegistry limits, Func<HttpMessageHandler>? transport = null)
    {
        var options = new ApiClientOptions
        {
            BaseAddress = baseAddress,
            RateLimitRegistry = limits,
            RateLimit = { PermitLimit = 10_000_000, Period = TimeSpan.FromSeconds(1) },
            PrimaryHandlerFactory = transport,
        };
        options.Hooks.Add(new NoOpHook());
        return options;
    }

    /// <summary>No rate limiter, timeouts, retry or breaker: what is left is the client's own per-call work.</summary>
    public static ApiClientOptions NoPipeline(Uri baseAddress, RateLimitRegistry limits, Func<HttpMessageHandler>? transport = null) => new()
    {
        BaseAddress = baseAddress,
        RateLimitRegistry = limits,
        AttemptTimeout = Timeout.InfiniteTimeSpan,
        TotalTimeout = Timeout.InfiniteTimeSpan,
        Retry = { MaxAttempts = 1 },
        CircuitBreaker = { Enabled = false },
        PrimaryHandlerFactory = transport,
    };
}

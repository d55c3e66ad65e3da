using System.Diagnostics;

namespace Freight.Http.Benchmarks;

/// <summary>
/// <c>interleaved</c> mode: the clients of <see cref="ClientCallBenchmarks"/> take turns, round after round, so every
/// client sees the same machine; on a shared machine this resolves ratios that separate BenchmarkDotNet runs cannot.
/// Prints the median time per call of each client over the rounds and its ratio to the bare client.
/// </summary>
internal static class Interleaved
{
    public static async Task<int> RunAsync(int rounds = 21, int callsPerRound = 2000)
    {
        var benchmarks = new ClientCallBenchmarks();
        await benchmarks.SetupAsync();
        using var limits = new RateLimitRegistry();
        var baseAddress = benchmarks.BaseAddress;
        using var limiterOnly = Stage(baseAddress, limits, o => o.RateLimit.PermitLimit = 10_000_000);
        using var timeoutOnly = Stage(baseAddress, limits, o => (o.AttemptTimeout, o.TotalTimeout) = (TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)));
        using var retryOnly = Stage(baseAddress, limits, o => o.Retry.MaxAttempts = 4);
        using var breakerOnly = Stage(baseAddress, limits, o => o.CircuitBreaker.Enabled = true);
        var clients = new (string Name, Func<Task<Item>> Call)[]
        {
            ("HttpClient", benchmarks.HttpClient),
            ("FreightHttp", benchmarks.FreightHttp),
            ("FreightHttp_minimal", benchmarks.FreightHttp_minimal),
            ("+ rate limiter only", async () => (await limiterOnly.GetAsync<Item>(Item.Path)).Value),
            ("+ timeout only", async () => (await timeoutOnly.GetAsync<Item>(Item.Path)).Value),
            ("+ retry only", async () => (await retryOnly.GetAsync<Item>(Item.Path)).Value),
            ("+ breaker only", async () => (await breakerOnly.GetAsync<Item>(Item.Path)).Value),
        };
        var samples = clients.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < clients.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                for (var call = 0; call < callsPerRound; call++)
                {
                    await clients[i].Call();
                }

                samples[i].Add(clock.Elapsed.TotalMicroseconds / callsPerRound);
            }
        }

        await benchmarks.CleanupAsync();
        var baseline = Median(samples[0]);
        Console.WriteLine($"{rounds} rounds of {callsPerRound} calls per client, loopback; median per call:");
        for (var i = 0; i < clients.Length; i++)
        {
            var median = Median(samples[i]);
            Console.WriteLine($"{clients[i].Name,-22} {median,8:0.00} us  {median / baseline,5:0.00}x");
        }

        return 0;
    }

    /// <summary>The minimal client with one stage switched back on.</summary>
    private static ApiClient Stage(Uri baseAddress, RateLimitRegistry limits, Action<ApiClientOptions> enable)
    {
        var options = FreightOptions.NoPipeline(baseAddress, limits);
        enable(options);
        return ApiClient.Create(options);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Freight.Http.Benchmarks;

/// <summary>
/// The same call as <see cref="ClientCallBenchmarks"/> over <see cref="InMemoryTransport"/>: no sockets and no server,
/// so what remains is each client's own per-call work, with far less noise than a loopback round trip.
/// </summary>
[MemoryDiagnoser]
public class InMemoryTransportBenchmarks
{
    private static readonly Uri BaseAddress = new("http://api.example/");

    private System.Net.Http.HttpClient _bare = null!;
    private RateLimitRegistry _limits = null!;
    private ApiClient _freight = null!;
    private ApiClient _freightMinimal = null!;

    /// <summary>Creates the clients and checks that each one reads the item.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _bare = new System.Net.Http.HttpClient(new InMemoryTransport()) { BaseAddress = BaseAddress };
        _limits = new RateLimitRegistry();
        _freight = ApiClient.Create(FreightOptions.FullPipeline(BaseAddress, _limits, static () => new InMemoryTransport()), name: "bench-memory-full");
        _freightMinimal = ApiClient.Create(FreightOptions.NoPipeline(BaseAddress, _limits, static () => new InMemoryTransport()), name: "bench-memory-minimal");

        Item.Check(await HttpClient());
        Item.Check(await FreightHttp());
        Item.Check(await FreightHttp_minimal());
    }

    /// <summary>Disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _freightMinimal.Dispose();
        _freight.Dispose();
        _limits.Dispose();
        _bare.Dispose();
    }

    /// <summary>A bare <see cref="System.Net.Http.HttpClient"/> over the in-memory transport.</summary>
    [Benchmark(Baseline = true)]
    public async Task<Item> HttpClient()
    {
        using var response = await _bare.GetAsync(Item.Path);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Item>(JsonSerializerOptions.Web))!;
    }

    /// <summary>Freight.Http with every stage on.</summary>
    [Benchmark]
    public async Task<Item> FreightHttp() => (await _freight.GetAsync<Item>(Item.Path)).Value;

    /// <summary>Freight.Http with no limiter, timeouts, retry or breaker.</summary>
    [Benchmark]
    public async Task<Item> FreightHttp_minimal() => (await _freightMinimal.GetAsync<Item>(Item.Path)).Value;
}

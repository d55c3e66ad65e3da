using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RestSharp;

namespace Freight.Http.Benchmarks;

/// <summary>
/// One GET of a small JSON object from a loopback Kestrel server, deserialized into <see cref="Item"/>: a bare
/// <see cref="System.Net.Http.HttpClient"/> (the baseline), Freight.Http with its whole pipeline on, Freight.Http with
/// the pipeline off, and RestSharp. No faults: every call succeeds on the first attempt.
/// </summary>
[MemoryDiagnoser]
public class ClientCallBenchmarks
{
    private ItemServer _server = null!;
    private System.Net.Http.HttpClient _bare = null!;
    private RateLimitRegistry _limits = null!;
    private ApiClient _freight = null!;
    private ApiClient _freightMinimal = null!;
    private RestClient _rest = null!;

    /// <summary>The loopback server's address, once set up.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Starts the server and the clients, and makes one call with each so connections are open.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await ItemServer.StartAsync();
        _bare = new System.Net.Http.HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = _server.BaseAddress,
        };
        _limits = new RateLimitRegistry();
        _freight = ApiClient.Create(FreightOptions.FullPipeline(_server.BaseAddress, _limits), name: "bench-full");
        _freightMinimal = ApiClient.Create(FreightOptions.NoPipeline(_server.BaseAddress, _limits), name: "bench-minimal");
        _rest = new RestClient(new RestClientOptions(_server.BaseAddress));

        Item.Check(await HttpClient());
        Item.Check(await FreightHttp());
        Item.Check(await FreightHttp_minimal());
        Item.Check(await RestSharp());
    }

    /// <summary>Stops the clients and the server.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _rest.Dispose();
        _freightMinimal.Dispose();
        _freight.Dispose();
        _limits.Dispose();
        _bare.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>A shared <see cref="System.Net.Http.HttpClient"/> over <see cref="SocketsHttpHandler"/>.</summary>
    [Benchmark(Baseline = true)]
    public async Task<Item> HttpClient()
    {
        using var response = await _bare.GetAsync(Item.Path);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Item>(JsonSerializerOptions.Web))!;
    }

    /// <summary>Rate limiter, total timeout, retry, circuit breaker, attempt timeout and a hook, all on.</summary>
    [Benchmark]
    public async Task<Item> FreightHttp() => (await _freight.GetAsync<Item>(Item.Path)).Value;

    /// <summary>No rate limiter, timeouts, retry or breaker: what is left is the client's own per-call work.</summary>
    [Benchmark]
    public async Task<Item> FreightHttp_minimal() => (await _freightMinimal.GetAsync<Item>(Item.Path)).Value;

    /// <summary>RestSharp's typed GET.</summary>
    [Benchmark]
    public async Task<Item> RestSharp() => (await _rest.GetAsync<Item>(Item.Path))!;
}

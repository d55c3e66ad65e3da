using System.Text.Json;
using Freight.Connectors.Affinity;
using Freight.Http;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Dataset;
using Freight.Sandbox.Faults;
using Freight.TestUtils;
using Microsoft.Extensions.Logging.Abstractions;

namespace Freight.Connectors.Tests.Affinity;

/// <summary>An Affinity simulator on loopback over one dataset, on a virtual clock, and sources that read it.</summary>
internal sealed class AffinityHarness : IAsyncDisposable
{
    private readonly List<AffinitySource> _sources = [];

    private AffinityHarness(SandboxDataset data, AffinitySimulator simulator, ManualTimeProvider time)
    {
        Data = data;
        Simulator = simulator;
        Time = time;
    }

    public SandboxDataset Data { get; }

    public AffinitySimulator Simulator { get; }

    public ManualTimeProvider Time { get; }

    public static ConnectorContext Context(TimeProvider time, OutboundPolicy? outbound = null) =>
        new(time, NullLoggerFactory.Instance, outbound ?? OutboundPolicy.Parse("127.0.0.1"));

    public static async Task<AffinityHarness> StartAsync(int companies = 100, double faults = 0, int seed = 7)
    {
        var time = new ManualTimeProvider();
        var data = SandboxDataset.Generate(seed, companies);
        var simulator = await AffinitySimulator.StartAsync(data, new AffinitySimulatorOptions
        {
            TimeProvider = time,
            Faults = FaultOptions.Transient(faults, seed: 5),
        });
        return new AffinityHarness(data, simulator, time);
    }

    /// <summary>A new source on the simulator with its own rate-limit budget; timeouts off, as the clock is virtual.</summary>
    public AffinitySource Source(string? apiKey = null, int pageSize = AffinitySource.MaxPageSize, int requestsPerMinute = 900)
    {
        var config = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["api_key"] = apiKey ?? Simulator.ApiKey,
            ["base_url"] = Simulator.BaseAddress.ToString(),
            ["requests_per_minute"] = requestsPerMinute,
        });
        var source = AffinitySource.Create(config, Context(Time), options =>
        {
            options.AttemptTimeout = Timeout.InfiniteTimeSpan;
            options.TotalTimeout = Timeout.InfiniteTimeSpan;
            options.Retry.Randomizer = () => 0.5;
            options.CircuitBreaker.Enabled = false;
            options.RateLimitRegistry = new RateLimitRegistry();
        });
        source.PageSize = pageSize;
        _sources.Add(source);
        return source;
    }

    public Task<T> Run<T>(Task<T> work) => Time.RunAsync(work, TimeSpan.FromSeconds(30));

    /// <summary>Requests the simulator answered per route (<c>/_sandbox/requests</c>), e.g. <c>GET /v2/companies</c>.</summary>
    public async Task<Dictionary<string, int>> RequestsAsync()
    {
        using var http = new HttpClient { BaseAddress = Simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var report = JsonDocument.Parse(await http.GetStringAsync("_sandbox/requests"));
        return report.RootElement.GetProperty("routes").EnumerateArray()
            .ToDictionary(r => r.GetProperty("route").GetString()!, r => r.GetProperty("total").GetInt32());
    }

    /// <summary>Every page of a kind from the first, with the cursor each was read from.</summary>
    public async Task<List<(string? Cursor, SourcePage Page)>> ReadAllAsync(AffinitySource source, EntityKind kind)
    {
        var pages = new List<(string?, SourcePage)>();
        string? cursor = null;
        do
        {
            var page = await Run(source.ReadPageAsync(kind, cursor, CancellationToken.None));
            pages.Add((cursor, page));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return pages;
    }

    public async Task<List<T>> ReadAllAsync<T>(EntityKind kind) =>
        [.. (await ReadAllAsync(Source(), kind)).SelectMany(p => p.Page.Records).Select(CanonicalJson.Read<T>)];

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }
}

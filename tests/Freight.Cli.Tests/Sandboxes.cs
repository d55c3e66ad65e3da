using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Dataset;
using Freight.Sandbox.Faults;

namespace Freight.Cli.Tests;

/// <summary>Both simulators on one small dataset at 1000 × their rate limits, and the flags that point a job at them.</summary>
internal sealed class Sandboxes : IAsyncDisposable
{
    private Sandboxes(AffinitySimulator affinity, AttioSimulator attio)
    {
        Affinity = affinity;
        Attio = attio;
        AttioClient = new HttpClient { BaseAddress = attio.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        AttioClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", attio.ApiKey);
    }

    public AffinitySimulator Affinity { get; }

    public AttioSimulator Attio { get; }

    /// <summary>A client of the Attio simulator with its key, for <c>/_sandbox</c>.</summary>
    public HttpClient AttioClient { get; }

    public static async Task<Sandboxes> StartAsync(FaultOptions? attioFaults = null)
    {
        var data = SandboxDataset.Generate(5, 20);
        var affinity = await AffinitySimulator.StartAsync(data, new AffinitySimulatorOptions { Speed = 1000 });
        var attio = await AttioSimulator.StartAsync(new AttioSimulatorOptions
        {
            Speed = 1000,
            WorkspaceMembers = AttioSimulatorOptions.MembersFrom(data),
            Faults = attioFaults ?? FaultOptions.None,
        });
        return new Sandboxes(affinity, attio);
    }

    /// <summary>The source and target flags of <c>jobs create</c> and <c>migrate</c>, with budgets to match the simulators' speed.</summary>
    public string[] JobFlags() =>
    [
        "--source-url", Affinity.BaseAddress.ToString(), "--source-key", Affinity.ApiKey, "--source-option", "requests_per_minute=100000",
        "--target-url", Attio.BaseAddress.ToString(), "--target-key", Attio.ApiKey,
        "--target-option", "writes_per_second=25000", "--target-option", "reads_per_second=100000",
        "--batch-size", "100",
    ];

    /// <summary>Records the Attio simulator holds twice (by source id); 0 when nothing was written twice.</summary>
    public async Task<int> DuplicatesAsync() =>
        (await AttioClient.GetFromJsonAsync<JsonElement>("_sandbox/duplicates")).GetProperty("total").GetInt32();

    public async ValueTask DisposeAsync()
    {
        AttioClient.Dispose();
        await Attio.DisposeAsync();
        await Affinity.DisposeAsync();
    }
}

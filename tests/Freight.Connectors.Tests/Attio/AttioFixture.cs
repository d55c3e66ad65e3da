using System.Net.Http.Headers;
using System.Text.Json;
using Freight.Connectors.Attio;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Dataset;
using Freight.Sandbox.Faults;
using Freight.TestUtils;
using Microsoft.Extensions.Logging.Abstractions;

namespace Freight.Connectors.Tests.Attio;

/// <summary>
/// One test's Attio simulator (members from a small dataset, virtual time) and an <see cref="AttioTarget"/> on it, with
/// budgets high enough that no write waits unless a test asks for the real ones.
/// </summary>
internal sealed class AttioFixture : IAsyncDisposable
{
    private AttioFixture(AttioSimulator simulator, ManualTimeProvider time, IReadOnlyList<AttioWorkspaceMember> members)
    {
        Simulator = simulator;
        Time = time;
        Members = members;
        Http = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", simulator.ApiKey);
    }

    public AttioSimulator Simulator { get; }

    public ManualTimeProvider Time { get; }

    public IReadOnlyList<AttioWorkspaceMember> Members { get; }

    /// <summary>A client of the simulator for reading back what the target wrote.</summary>
    public HttpClient Http { get; }

    public static async Task<AttioFixture> StartAsync(FaultOptions? faults = null, double speed = 1000)
    {
        var time = new ManualTimeProvider();
        var members = AttioSimulatorOptions.MembersFrom(SandboxDataset.Generate(seed: 7, companies: 10));
        var simulator = await AttioSimulator.StartAsync(new AttioSimulatorOptions
        {
            Speed = speed,
            TimeProvider = time,
            WorkspaceMembers = members,
            Faults = faults ?? FaultOptions.None,
        });
        return new AttioFixture(simulator, time, members);
    }

    /// <summary>A target with budgets that never run dry in a test, and no timeouts, so virtual time can run freely.</summary>
    public AttioTarget Target(string? apiKey = null, int writesPerSecond = 100_000, int readsPerSecond = 100_000) =>
        new(
            new AttioConfig(apiKey ?? Simulator.ApiKey, Simulator.BaseAddress, writesPerSecond, readsPerSecond, 10),
            new ConnectorContext(Time, NullLoggerFactory.Instance, new OutboundPolicy(["127.0.0.1"])),
            options =>
            {
                options.AttemptTimeout = Timeout.InfiniteTimeSpan;
                options.TotalTimeout = Timeout.InfiniteTimeSpan;
                options.Retry.Randomizer = () => 0.5;
            });

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<JsonElement> RecordAsync(string objectSlug, string recordId) =>
        (await GetAsync($"v2/objects/{objectSlug}/records/{recordId}")).GetProperty("data").GetProperty("values");

    public Task<JsonElement> CountsAsync() => GetAsync("_sandbox/counts");

    public Task<JsonElement> DuplicatesAsync() => GetAsync("_sandbox/duplicates");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}

using System.Net.Http.Headers;
using System.Text.Json;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Tests.Affinity;

/// <summary>One simulator and a client that sends its key; each test starts its own.</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    private SimulatorHarness(AffinitySimulator simulator, HttpClient client)
    {
        Simulator = simulator;
        Client = client;
    }

    public AffinitySimulator Simulator { get; }

    public HttpClient Client { get; }

    public static async Task<SimulatorHarness> StartAsync(
        int companies = 30, int seed = 7, AffinitySimulatorOptions? options = null)
    {
        var simulator = await AffinitySimulator.StartAsync(SandboxDataset.Generate(seed, companies), options);
        var client = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", simulator.ApiKey);
        return new SimulatorHarness(simulator, client);
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response, document.RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}

internal static class AffinityJson
{
    public static JsonElement SingleError(JsonElement body) => Assert.Single(body.GetProperty("errors").EnumerateArray().ToList());

    public static List<long> Ids(JsonElement page) =>
        [.. page.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("id").GetInt64())];

    public static string? NextUrl(JsonElement page) => page.GetProperty("pagination").GetProperty("nextUrl").GetString();

    public static string? PrevUrl(JsonElement page) => page.GetProperty("pagination").GetProperty("prevUrl").GetString();
}

using System.Text.Json;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Faults;
using Freight.Sandbox.Tests.Affinity;
using Freight.Sandbox.Tests.Faults;
using static Freight.Sandbox.Tests.Faults.SandboxCalls;

namespace Freight.Sandbox.Tests.Inspection;

public sealed class RequestLogTests
{
    private static Dictionary<string, long> Counts(JsonElement element) =>
        element.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetInt64());

    private static JsonElement Route(JsonElement report, string key) =>
        report.GetProperty("routes").EnumerateArray().Single(route => route.GetProperty("route").GetString() == key);

    [Fact]
    public async Task Requests_are_counted_by_method_route_template_and_status_and_inspection_is_left_out()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        foreach (var url in new[] { "v2/companies?limit=1", "v2/companies?limit=2", "v2/companies/1", "v2/companies/2", "v2/companies/9999", "nowhere" })
        {
            (await harness.Client.GetAsync(url)).Dispose();
        }

        (await harness.Client.DeleteAsync("v2/companies/1")).Dispose();
        (await harness.Client.GetAsync("_sandbox/faults")).Dispose();

        var report = await GetAsync(harness.Client, "_sandbox/requests");

        Assert.Equal(7, report.GetProperty("total").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["200"] = 4, ["404"] = 2, ["405"] = 1 }, Counts(report.GetProperty("by_status")));
        Assert.Equal(
            ["DELETE /v2/companies/{companyId}", "GET (unmatched)", "GET /v2/companies", "GET /v2/companies/{companyId}"],
            report.GetProperty("routes").EnumerateArray().Select(route => route.GetProperty("route").GetString()));
        var byId = Route(report, "GET /v2/companies/{companyId}");
        Assert.Equal(3, byId.GetProperty("total").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["200"] = 2, ["404"] = 1 }, Counts(byId.GetProperty("by_status")));
        Assert.Equal(0, report.GetProperty("faults").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Faulted_requests_are_counted_by_kind_and_cut_connections_get_status_0()
    {
        await using var host = await CounterHost.StartAsync(new FaultOptions
        {
            Seed = 8,
            Default = new FaultProfile { ServerErrors = 0.02, DroppedConnections = 0.02, TruncatedBodies = 0.01 },
        });
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var response = await host.Client.PostAsync("writes", null);
                await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                // A dropped connection or a truncated body: the log says which.
            }
        }

        var report = await GetAsync(host.Client, "_sandbox/requests");

        Assert.Equal(new Dictionary<string, long> { ["0"] = 3, ["200"] = 95, ["500"] = 1, ["503"] = 1 }, Counts(report.GetProperty("by_status")));
        var expectedKinds = new Dictionary<string, long>
        {
            ["server_error"] = 2,
            ["rate_limit"] = 0,
            ["dropped_before_processing"] = 1,
            ["dropped_after_processing"] = 1,
            ["truncated_body"] = 1,
            ["slow_body"] = 0,
        };
        Assert.Equal(5, report.GetProperty("faults").GetProperty("total").GetInt64());
        Assert.Equal(expectedKinds, Counts(report.GetProperty("faults").GetProperty("by_kind")));
        Assert.Equal(expectedKinds, Counts(Route(report, "POST /writes").GetProperty("faults")));
        Assert.Equal(97, host.Writes); // the 95 answered, the late drop and the truncated body ran the endpoint
    }

    [Fact]
    public async Task Concurrent_requests_are_all_counted()
    {
        await using var host = await CounterHost.StartAsync(FaultOptions.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var i = 0; i < 40; i++)
            {
                (await host.Client.GetAsync($"items/{worker}")).Dispose();
            }
        }));

        var report = await GetAsync(host.Client, "_sandbox/requests");
        Assert.Equal(320, report.GetProperty("total").GetInt64());
        Assert.Equal(320, Route(report, "GET /items/{id}").GetProperty("by_status").GetProperty("200").GetInt64());
    }

    [Fact]
    public async Task Inspection_needs_no_key_and_is_not_rate_limited()
    {
        await using var harness = await SimulatorHarness.StartAsync(options: new AffinitySimulatorOptions
        {
            Speed = 1.0 / AffinitySimulatorOptions.RealPerMinuteLimit,
        });
        (await harness.Client.GetAsync("v2/lists")).Dispose();
        using var limited = await harness.Client.GetAsync("v2/lists");
        harness.Client.DefaultRequestHeaders.Authorization = null;

        var codes = new List<int>();
        foreach (var path in new[] { "_sandbox/requests", "_sandbox/summary", "_sandbox/faults", "_sandbox/requests" })
        {
            using var response = await harness.Client.GetAsync(path);
            codes.Add((int)response.StatusCode);
        }

        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal([200, 200, 200, 200], codes);
    }
}

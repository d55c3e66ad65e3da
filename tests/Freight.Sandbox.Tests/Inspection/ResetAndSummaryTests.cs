using System.Net;
using Freight.Sandbox.Dataset;
using Freight.Sandbox.Faults;
using Freight.Sandbox.Hosting;
using Freight.Sandbox.Inspection;
using Freight.Sandbox.Tests.Affinity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using static Freight.Sandbox.Tests.Faults.SandboxCalls;

namespace Freight.Sandbox.Tests.Inspection;

public sealed class ResetAndSummaryTests
{
    [Fact]
    public async Task Reset_clears_the_log_and_restarts_every_routes_fault_sequence()
    {
        await using var harness = await SimulatorHarness.StartAsync(options: new()
        {
            Faults = new FaultOptions { Seed = 2, Default = new FaultProfile { ServerErrors = 0.2, RateLimits = 0.2 } },
            Speed = 100,
        });
        async Task<List<HttpStatusCode>> StatusesAsync()
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 30; i++)
            {
                using var response = await harness.Client.GetAsync("v2/companies?limit=1");
                statuses.Add(response.StatusCode);
            }

            return statuses;
        }

        var first = await StatusesAsync();
        using var reset = await harness.Client.PostAsync("_sandbox/reset", null);
        var report = await GetAsync(harness.Client, "_sandbox/requests");
        var second = await StatusesAsync();

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(3, (await BodyAsync(reset)).GetProperty("reset").GetInt32()); // request log, fault counters, rate budgets
        Assert.Equal(0, report.GetProperty("total").GetInt64());
        Assert.Empty(report.GetProperty("routes").EnumerateArray());
        Assert.Equal(0, report.GetProperty("faults").GetProperty("total").GetInt64());
        Assert.Equal(first, second);
        Assert.Contains(first, status => status != HttpStatusCode.OK);
        Assert.Equal(0.2, (await GetAsync(harness.Client, "_sandbox/faults")).GetProperty("default").GetProperty("server_errors").GetDouble());
    }

    [Fact]
    public async Task Reset_calls_the_resettables_a_simulator_registers()
    {
        var store = new Store();
        await using var host = await SandboxHost.StartAsync(
            new SandboxHostOptions { FaultResponder = FaultResponders.Attio },
            services => services.AddSingleton<ISandboxResettable>(store),
            routes => routes.MapPost("/records", () => store.Add()));
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        (await client.PostAsync("records", null)).Dispose();
        (await client.PostAsync("records", null)).Dispose();

        using var reset = await client.PostAsync("_sandbox/reset", null);

        Assert.Equal(3, (await BodyAsync(reset)).GetProperty("reset").GetInt32());
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Summary_describes_the_served_dataset_in_snake_case()
    {
        await using var harness = await SimulatorHarness.StartAsync(companies: 200, seed: 3);
        var expected = SandboxDataset.Generate(3, 200).Summarize();

        var summary = await GetAsync(harness.Client, "_sandbox/summary");

        Assert.Equal(3, summary.GetProperty("seed").GetInt32());
        var counts = summary.GetProperty("counts");
        Assert.Equal(200, counts.GetProperty("companies").GetInt32());
        Assert.Equal(600, counts.GetProperty("persons").GetInt32());
        Assert.Equal(expected.Counts.ListEntries, counts.GetProperty("list_entries").GetInt32());
        Assert.Equal(expected.Counts.Records, counts.GetProperty("records").GetInt64());
        Assert.Equal(6, summary.GetProperty("mess").GetProperty("companies_sharing_domain").GetInt64());
        Assert.Equal(expected.Mess.NotesOnSeveralParents, summary.GetProperty("mess").GetProperty("notes_on_several_parents").GetInt64());
        var rejections = summary.GetProperty("expected_rejections");
        Assert.Equal(6, rejections.GetProperty("invalid_email").GetInt64());
        Assert.Equal(2, rejections.GetProperty("unknown_dropdown_option").GetInt64());
        Assert.Equal(2, rejections.GetProperty("missing_company_reference").GetInt64());
        Assert.Equal(4, rejections.GetProperty("missing_parent_record").GetInt64());
        Assert.Equal(14, rejections.GetProperty("total").GetInt64());
    }

    private sealed class Store : ISandboxResettable
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public int Add() => (Interlocked.Increment(ref _count));

        public void Reset() => Volatile.Write(ref _count, 0);
    }
}

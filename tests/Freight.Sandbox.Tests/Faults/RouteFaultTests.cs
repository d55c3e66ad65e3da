using System.Net;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Faults;
using Freight.Sandbox.Tests.Affinity;

namespace Freight.Sandbox.Tests.Faults;

public sealed class RouteFaultTests
{
    private static AffinitySimulatorOptions WithFaults(FaultProfile profile) =>
        new() { Speed = 100, Faults = new FaultOptions { Seed = 9, Default = profile } };

    private static async Task<HttpStatusCode> StatusAsync(SimulatorHarness harness, string url)
    {
        using var response = await harness.Client.GetAsync(url);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_routes_faults_do_not_depend_on_requests_to_other_routes()
    {
        var profile = new FaultProfile { ServerErrors = 0.1, RateLimits = 0.1 };
        await using var alone = await SimulatorHarness.StartAsync(options: WithFaults(profile));
        await using var interleaved = await SimulatorHarness.StartAsync(options: WithFaults(profile));
        var aloneStatuses = new List<HttpStatusCode>();
        var interleavedStatuses = new List<HttpStatusCode>();

        for (var i = 0; i < 100; i++)
        {
            aloneStatuses.Add(await StatusAsync(alone, "v2/companies?limit=1"));
            await StatusAsync(interleaved, "v2/persons?limit=1");
            interleavedStatuses.Add(await StatusAsync(interleaved, "v2/companies?limit=1"));
        }

        Assert.Equal(aloneStatuses, interleavedStatuses);
        Assert.Equal(80, aloneStatuses.Count(status => status == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Requests_to_different_ids_share_their_routes_fault_sequence()
    {
        var options = new AffinitySimulatorOptions { Speed = 100 };
        options.Faults.Routes["GET /v2/companies/{companyId}"] = new FaultProfile { ServerErrors = 0.5 };
        await using var harness = await SimulatorHarness.StartAsync(options: options);
        var byId = new List<HttpStatusCode>();
        var list = new List<HttpStatusCode>();

        for (var i = 0; i < 100; i++)
        {
            byId.Add(await StatusAsync(harness, $"v2/companies/{1 + (i % 7)}"));
            list.Add(await StatusAsync(harness, "v2/companies?limit=1"));
        }

        Assert.Equal(50, byId.Count(status => status == HttpStatusCode.OK));
        Assert.All(list, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Start_refuses_an_override_for_a_route_the_simulator_does_not_serve()
    {
        var options = new AffinitySimulatorOptions();
        options.Faults.Routes["GET /v2/company"] = new FaultProfile { ServerErrors = 0.5 };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SimulatorHarness.StartAsync(options: options));

        Assert.StartsWith("Invalid fault options: routes: no route GET /v2/company; the GET routes are: GET /v2/auth/whoami, GET /v2/companies, GET /v2/companies/fields,", error.Message, StringComparison.Ordinal);
    }
}

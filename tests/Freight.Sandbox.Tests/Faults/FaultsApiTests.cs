using System.Net;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Faults;
using Freight.Sandbox.Tests.Affinity;
using static Freight.Sandbox.Tests.Faults.SandboxCalls;

namespace Freight.Sandbox.Tests.Faults;

public sealed class FaultsApiTests
{
    private static async Task<SimulatorHarness> StartAsync()
    {
        var options = new AffinitySimulatorOptions { Faults = new FaultOptions { Seed = 4, Default = new FaultProfile { RateLimits = 0.02 } } };
        options.Faults.Routes["get /v2/persons/{personId:long}"] = new FaultProfile { Latency = TimeSpan.FromMilliseconds(5) };
        return await SimulatorHarness.StartAsync(options: options);
    }

    [Fact]
    public async Task Get_shows_the_settings_in_force_with_route_keys_in_canonical_form()
    {
        await using var harness = await StartAsync();

        var body = await GetAsync(harness.Client, "_sandbox/faults");

        Assert.Equal(4, body.GetProperty("seed").GetInt32());
        Assert.Equal(0.02, body.GetProperty("default").GetProperty("rate_limits").GetDouble());
        Assert.Equal(1000, body.GetProperty("default").GetProperty("retry_after_ms").GetDouble());
        var route = Assert.Single(body.GetProperty("routes").EnumerateObject().ToList());
        Assert.Equal("GET /v2/persons/{personId}", route.Name);
        Assert.Equal(5, route.Value.GetProperty("latency_ms").GetDouble());
        Assert.Equal(0, route.Value.GetProperty("server_errors").GetDouble());
    }

    [Fact]
    public async Task Put_replaces_the_settings_whole_and_they_apply_at_once()
    {
        await using var harness = await StartAsync();

        var (response, body) = await PutFaultsAsync(harness.Client,
            """{"routes":{"get /v2/lists":{"server_errors":1}}}""");
        using var lists = await harness.Client.GetAsync("v2/lists");
        using var companies = await harness.Client.GetAsync("v2/companies?limit=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, body.GetProperty("seed").GetInt32());
        Assert.Equal(0, body.GetProperty("default").GetProperty("rate_limits").GetDouble());
        Assert.Equal("GET /v2/lists", Assert.Single(body.GetProperty("routes").EnumerateObject().ToList()).Name);
        Assert.True(lists.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable, lists.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, companies.StatusCode);
    }

    [Theory]
    [InlineData("""{"default":{"server_errors":0.055}}""", "default.server_errors must be a whole percent between 0 and 1 (e.g. 0.05), not 0.055.")]
    [InlineData("""{"default":{"server_errors":0.6,"rate_limits":0.5}}""", "default: the shares add up to 1.1, more than 1.")]
    [InlineData("""{"default":{"latency_ms":-1}}""", "default.latency_ms must be between 0 and 3600000, not -1.")]
    [InlineData("""{"default":{"latency_ms":1e300}}""", "default.latency_ms must be between 0 and 3600000, not 1E+300.")]
    [InlineData("""{"default":{"slow_body_chunk_bytes":0}}""", "default.slow_body_chunk_bytes must be at least 1, not 0.")]
    [InlineData("""{"routes":{"GET /v2/nothing":{"server_errors":0.5}}}""", "routes: no route GET /v2/nothing; the GET routes are: GET /v2/auth/whoami,")]
    [InlineData("""{"routes":{"/v2/lists":{}}}""", "route \"/v2/lists\" is not \"METHOD /path\", e.g. \"GET /v2/companies/{companyId}\"")]
    [InlineData("""{"routes":{"GET /v2/lists":null}}""", "routes[\"GET /v2/lists\"] has no profile.")]
    [InlineData("""{"routes":{"GET /v2/lists":{},"get /v2/lists":{}}}""", "routes: \"get /v2/lists\" names the route GET /v2/lists a second time.")]
    [InlineData("""{"default":{"server_error":0.05}}""", "The body is not a faults document ($.default.server_error):")]
    [InlineData("""{"default":{"server_errors":"0.05"}}""", "The body is not a faults document ($.default.server_errors):")]
    [InlineData("""{"seed":12345678901}""", "The body is not a faults document ($.seed):")]
    [InlineData("""{"default":""", "The body is not a faults document ($.default):")]
    [InlineData("null", "The body must be a JSON object with \"seed\", \"default\" and \"routes\".")]
    public async Task Put_with_bad_input_is_a_400_that_says_why_and_changes_nothing(string json, string message)
    {
        await using var harness = await StartAsync();
        var before = (await GetAsync(harness.Client, "_sandbox/faults")).GetRawText();

        var (response, body) = await PutFaultsAsync(harness.Client, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await GetAsync(harness.Client, "_sandbox/faults")).GetRawText());
    }
}

using System.Net;
using System.Net.Http.Json;
using Freight.TestUtils;

namespace Freight.Server.Tests.Jobs;

public sealed class OutboundRedirectTests
{
    [Fact]
    public async Task A_base_url_that_redirects_off_the_allowlist_is_a_400_on_base_url_and_the_other_address_hears_nothing()
    {
        await using var elsewhere = await ScriptedServer.StartAsync(address: IPAddress.IPv6Loopback);
        await using var allowed = await ScriptedServer.StartAsync();
        allowed.DefaultResponse = ScriptedResponse.Status(302).WithHeader("Location", new Uri(elsewhere.BaseAddress, "v2/self").ToString());
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:OutboundAllowlist"] = "127.0.0.1" });
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var body = JobScenario.Body(verifyCredentials: true);
        body["source_config"] = new { api_key = JobScenario.SourceSecret, base_url = allowed.BaseAddress.ToString() };
        body["target_config"] = new { api_key = JobScenario.TargetSecret, base_url = allowed.BaseAddress.ToString() };

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", body);

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_credentials");
        var details = JobCreationTests.Details(error);
        Assert.Equal(["source_config.base_url", "target_config.base_url"], details.Select(d => d.Field));
        Assert.All(details, detail => Assert.Contains("Freight does not follow redirects", detail.Message, StringComparison.Ordinal));
        Assert.Equal(["/v2/auth/whoami", "/v2/self"], allowed.Requests.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.Equal(0, elsewhere.RequestCount);
        Assert.Equal(0, await JobCreationTests.TotalAsync(client));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static Freight.Sandbox.Tests.Affinity.AffinityJson;

namespace Freight.Sandbox.Tests.Affinity;

public sealed class AuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Bearer ")]
    [InlineData("Basic OmFmZmluaXR5LXNhbmRib3gta2V5")] // ":affinity-sandbox-key": v2 takes Bearer only
    public async Task Missing_or_invalid_key_gets_401_with_authentication_error(string? authorization)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Client.DefaultRequestHeaders.Authorization =
            authorization is null ? null : AuthenticationHeaderValue.Parse(authorization);

        var (response, body) = await harness.GetAsync("v2/companies");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = SingleError(body);
        Assert.Equal("authentication", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(error.TryGetProperty("param", out _));
    }

    [Fact]
    public async Task Basic_auth_with_the_right_key_is_refused_on_v2()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + harness.Simulator.ApiKey));
        harness.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);

        var (response, _) = await harness.GetAsync("v2/auth/whoami");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Whoami_describes_tenant_user_and_api_key_grant()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, body) = await harness.GetAsync("v2/auth/whoami");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("freight-sandbox", body.GetProperty("tenant").GetProperty("subdomain").GetString());
        Assert.Equal(1, body.GetProperty("user").GetProperty("id").GetInt64());
        Assert.Contains("@", body.GetProperty("user").GetProperty("emailAddress").GetString(), StringComparison.Ordinal);
        Assert.Equal("api-key", body.GetProperty("grant").GetProperty("type").GetString());
        Assert.Equal("api", Assert.Single(body.GetProperty("grant").GetProperty("scopes").EnumerateArray().ToList()).GetString());
    }
}

using System.Net.Http.Headers;
using System.Text;
using Freight.Sandbox.Attio;

namespace Freight.Sandbox.Tests.Attio;

public sealed class AuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Bearer ")]
    [InlineData("Token attio-sandbox-key")]
    [InlineData("Basic YXR0aW8tc2FuZGJveC1rZXk6eA==")] // "attio-sandbox-key:x": the password must be empty
    [InlineData("Basic Om5vdGhpbmc=")] // ":nothing"
    public async Task Missing_or_invalid_credentials_get_401_unauthorized(string? authorization)
    {
        await using var harness = await AttioHarness.StartAsync();
        harness.Client.DefaultRequestHeaders.Authorization = authorization is null ? null : AuthenticationHeaderValue.Parse(authorization);

        var reply = await harness.GetAsync("v2/objects");

        reply.AssertError(401, "unauthorized", "auth_error");
        Assert.Equal(4, reply.Body.EnumerateObject().Count());
    }

    [Fact]
    public async Task Basic_auth_with_the_key_as_user_name_and_no_password_is_accepted()
    {
        await using var harness = await AttioHarness.StartAsync();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(harness.Simulator.ApiKey + ":"));
        harness.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);

        var reply = await harness.GetAsync("v2/self");

        Assert.Equal(200, reply.Status);
        Assert.True(reply.Body.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_custom_api_key_is_the_only_one_accepted()
    {
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { ApiKey = "custom" });

        Assert.Equal("custom", harness.Simulator.ApiKey);
        Assert.Equal(200, (await harness.GetAsync("v2/self")).Status);
        harness.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "attio-sandbox-key");
        (await harness.GetAsync("v2/objects")).AssertError(401, "unauthorized", "auth_error");
    }

    [Fact]
    public async Task Self_describes_the_active_token_and_its_workspace()
    {
        await using var harness = await AttioHarness.StartAsync();

        var reply = await harness.GetAsync("v2/self");

        Assert.Equal(200, reply.Status);
        var body = reply.Body;
        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal("attio.com", body.GetProperty("iss").GetString());
        Assert.Equal("freight-sandbox", body.GetProperty("workspace_slug").GetString());
        Assert.Equal(body.GetProperty("workspace_id").GetString(), body.GetProperty("sub").GetString());
        Assert.Equal(JsonValueKindNull, body.GetProperty("exp").ValueKind);
        Assert.Contains("record_permission:read-write", body.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Contains("note:read-write", body.GetProperty("scope").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Self_with_an_unknown_token_answers_inactive_and_without_a_token_401()
    {
        await using var harness = await AttioHarness.StartAsync();
        harness.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "revoked");

        var inactive = await harness.GetAsync("v2/self");
        harness.Client.DefaultRequestHeaders.Authorization = null;
        var missing = await harness.GetAsync("v2/self");

        Assert.Equal(200, inactive.Status);
        Assert.Equal("""{"active":false}""", inactive.Text);
        missing.AssertError(401, "unauthorized", "auth_error");
    }

    [Fact]
    public async Task Unknown_routes_and_wrong_methods_answer_in_the_error_shape()
    {
        await using var harness = await AttioHarness.StartAsync();

        var unknown = await harness.GetAsync("v2/no-such-thing/1");
        var wrongMethod = await harness.SendAsync(HttpMethod.Delete, "v2/self");

        unknown.AssertError(404, "not_found");
        wrongMethod.AssertError(405, "method_not_allowed");
    }

    [Fact]
    public async Task Unknown_routes_need_the_key_too()
    {
        await using var harness = await AttioHarness.StartAsync();
        harness.Client.DefaultRequestHeaders.Authorization = null;

        (await harness.GetAsync("v2/no-such-thing")).AssertError(401, "unauthorized", "auth_error");
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

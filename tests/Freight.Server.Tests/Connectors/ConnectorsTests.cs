using System.Net;

namespace Freight.Server.Tests.Connectors;

public sealed class ConnectorsTests
{
    [Fact]
    public async Task Connectors_list_each_system_with_its_role_and_config_schema()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var response = await client.GetAsync("/api/v1/connectors");

        var body = await response.JsonAsync(HttpStatusCode.OK);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([("affinity", "source"), ("attio", "target")], items.Select(c => (c.GetProperty("name").GetString(), c.GetProperty("role").GetString())));
        Assert.Equal(["name", "role", "description", "default_rate_limit", "config_schema"], items[0].EnumerateObject().Select(p => p.Name));
        var affinity = items[0].GetProperty("config_schema").EnumerateArray()
            .Select(f => (f.GetProperty("name").GetString(), f.GetProperty("required").GetBoolean(), f.GetProperty("secret").GetBoolean())).ToList();
        Assert.Equal([("api_key", true, true), ("base_url", false, false), ("requests_per_minute", false, false)], affinity);
        Assert.Contains(("api_key", true, true), items[1].GetProperty("config_schema").EnumerateArray()
            .Select(f => (f.GetProperty("name").GetString(), f.GetProperty("required").GetBoolean(), f.GetProperty("secret").GetBoolean())));
    }

    [Fact]
    public async Task Connectors_need_an_api_key()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Anonymous.GetAsync("/api/v1/connectors");
        using var stats = await server.Anonymous.GetAsync("/api/v1/stats");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized", "API key required");
        await stats.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized", "API key required");
    }
}

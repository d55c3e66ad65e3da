using System.Net;
using Freight.Core.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Server.Tests.Auth;

public sealed class AuthenticationTests
{
    [Theory]
    [InlineData(null, "API key required")]
    [InlineData("", "API key required")]
    [InlineData("not-a-key", "Invalid API key format")]
    [InlineData("frt_short", "Invalid API key format")]
    [InlineData("frt_ABCDEFGH0123456789012345678901234567890123456789", "Invalid API key")]
    public async Task A_tenant_route_without_a_live_key_is_401_with_the_reason(string? key, string message)
    {
        await using var server = await ApiServer.StartAsync();
        await server.CreateTenantAsync("acme");
        using var client = key is null ? server.Client() : server.Tenant(key);

        using var response = await client.GetAsync("/api/v1/jobs");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized", message);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_on_the_next_request()
    {
        await using var server = await ApiServer.StartAsync();
        var (tenantId, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        using (var before = await client.GetAsync("/api/v1/jobs"))
        {
            await before.JsonAsync(HttpStatusCode.OK);
        }

        var keys = await (await server.Admin.GetAsync($"/api/v1/admin/tenants/{tenantId}/keys")).JsonAsync(HttpStatusCode.OK);
        using var revoke = await server.Admin.DeleteAsync($"/api/v1/admin/tenants/{tenantId}/keys/{keys[0].GetProperty("id").GetGuid()}");
        using var after = await client.GetAsync("/api/v1/jobs");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await after.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized", "Invalid API key");
    }

    [Fact]
    public async Task A_key_revoked_by_another_process_on_the_same_database_is_refused_on_the_next_request()
    {
        await using var server = await ApiServer.StartAsync();
        var (tenantId, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        for (var i = 0; i < 2; i++)
        {
            using var before = await client.GetAsync("/api/v1/jobs");
            await before.JsonAsync(HttpStatusCode.OK);
        }

        await using (var other = server.AnotherProcess())
        {
            var keys = other.GetRequiredService<ApiKeyStore>();
            Assert.NotNull(await keys.RevokeAsync(tenantId, (await keys.ListAsync(tenantId))[0].Id));
        }

        using var after = await client.GetAsync("/api/v1/jobs");

        await after.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized", "Invalid API key");
    }

    [Theory]
    [InlineData(null, "Admin key required")]
    [InlineData("wrong", "Invalid admin key")]
    [InlineData(ApiServer.AdminKey + "x", "Invalid admin key")]
    public async Task The_admin_api_needs_the_operators_key(string? key, string message)
    {
        await using var server = await ApiServer.StartAsync();
        using var client = key is null ? server.Client() : server.Client("X-Admin-Key", key);

        using var response = await client.GetAsync("/api/v1/admin/tenants");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized", message);
    }

    [Fact]
    public async Task Without_an_admin_key_configured_the_admin_api_is_closed()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:AdminKey"] = "" });

        using var response = await server.Admin.GetAsync("/api/v1/admin/tenants");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized", "The admin API is closed: the operator has not set FREIGHT_ADMIN_KEY");
    }

    [Fact]
    public async Task A_tenant_key_does_not_open_the_admin_api()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Client("X-Admin-Key", key);

        using var response = await client.GetAsync("/api/v1/admin/tenants");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized", "Invalid admin key");
    }
}

using System.Net;
using System.Net.Http.Json;

namespace Freight.Server.Tests.Admin;

public sealed class TenantAdminTests
{
    [Fact]
    public async Task Creating_a_tenant_answers_201_with_its_location_and_a_first_key_that_works()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Admin.PostAsJsonAsync("/api/v1/admin/tenants", new { name = "Acme Ventures", slug = "acme" });

        var body = await response.JsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/admin/tenants/{id}", response.Headers.Location?.ToString());
        Assert.Equal(("Acme Ventures", "acme", "active"),
            (body.GetProperty("name").GetString(), body.GetProperty("slug").GetString(), body.GetProperty("status").GetString()));
        var key = body.GetProperty("api_key").GetString()!;
        Assert.Matches("^frt_[0-9A-Za-z]{48}$", key);
        Assert.Equal(key[4..12], body.GetProperty("key").GetProperty("prefix").GetString());
        using var tenant = server.Tenant(key);
        var jobs = await (await tenant.GetAsync("/api/v1/jobs")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("""{"items":[],"total":0,"limit":100,"offset":0,"has_more":false}""", jobs.GetRawText());
        var fetched = await (await server.Admin.GetAsync($"/api/v1/admin/tenants/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.False(fetched.TryGetProperty("api_key", out _));
    }

    [Fact]
    public async Task Each_bad_field_is_one_detail_of_a_422_and_nothing_is_created()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Admin.PostAsJsonAsync("/api/v1/admin/tenants", new { name = "  ", slug = "Not A Slug" });

        var error = await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error", "2 fields are not valid.");
        Assert.Equal(
            ["name missing name is required.", "slug invalid slug must be lowercase letters, digits and inner hyphens."],
            error.GetProperty("details").EnumerateArray().Select(d => $"{d.GetProperty("field")} {d.GetProperty("type")} {d.GetProperty("message")}"));
        Assert.Equal(0, (await (await server.Admin.GetAsync("/api/v1/admin/tenants")).JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_taken_slug_is_409()
    {
        await using var server = await ApiServer.StartAsync();
        await server.CreateTenantAsync("acme");

        using var response = await server.Admin.PostAsJsonAsync("/api/v1/admin/tenants", new { name = "Other", slug = "acme" });

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "conflict", "The slug 'acme' is taken.");
    }

    [Fact]
    public async Task Keys_are_issued_listed_without_their_secret_and_revoked()
    {
        await using var server = await ApiServer.StartAsync();
        var (tenantId, first) = await server.CreateTenantAsync("acme");
        server.Time.Advance(TimeSpan.FromMinutes(1));

        using var issue = await server.Admin.PostAsJsonAsync($"/api/v1/admin/tenants/{tenantId}/keys", new { name = "ci" });
        var issued = await issue.JsonAsync(HttpStatusCode.Created);
        var listed = await (await server.Admin.GetAsync($"/api/v1/admin/tenants/{tenantId}/keys")).JsonAsync(HttpStatusCode.OK);

        var secret = issued.GetProperty("api_key").GetString()!;
        Assert.NotEqual(first, secret);
        Assert.Equal(["default", "ci"], listed.EnumerateArray().Select(k => k.GetProperty("name").GetString()));
        Assert.DoesNotContain(first, listed.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);
        Assert.All(listed.EnumerateArray(), k => Assert.Equal(System.Text.Json.JsonValueKind.Null, k.GetProperty("revoked_at").ValueKind));
        using var unknownTenant = await server.Admin.PostAsJsonAsync($"/api/v1/admin/tenants/{Guid.NewGuid()}/keys", new { name = "x" });
        await unknownTenant.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        using var unknownKey = await server.Admin.DeleteAsync($"/api/v1/admin/tenants/{tenantId}/keys/{Guid.NewGuid()}");
        await unknownKey.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task Paging_out_of_range_is_a_422_naming_the_parameter(string query, string field)
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Admin.GetAsync($"/api/v1/admin/tenants?{query}");

        var error = await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error");
        Assert.Equal(field, error.GetProperty("details")[0].GetProperty("field").GetString());
    }
}

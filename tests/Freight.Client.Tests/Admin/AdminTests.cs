using System.Net;
using Freight.Server.Tests;

namespace Freight.Client.Tests.Admin;

public sealed class AdminTests
{
    [Fact]
    public async Task Create_tenant_answers_the_tenant_and_a_first_key_that_works()
    {
        await using var server = await ApiServer.StartAsync();
        using var admin = Sdk.Admin(server);

        var result = await admin.Admin.CreateTenantAsync(new CreateTenantRequest("Acme", "acme"));
        var created = result.Value;
        using var tenant = Sdk.Tenant(server, created.ApiKey);

        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        Assert.Equal(("Acme", "acme", TenantStatus.Active, server.Time.GetUtcNow()), (created.Name, created.Slug, created.Status, created.CreatedAt));
        Assert.StartsWith("frt_" + created.Key.Prefix, created.ApiKey, StringComparison.Ordinal);
        Assert.Null(created.Key.RevokedAt);
        Assert.True((await tenant.Jobs.ListAsync()).IsSuccess);
    }

    [Fact]
    public async Task A_taken_slug_is_a_409_and_a_bad_one_a_422_naming_the_field()
    {
        await using var server = await ApiServer.StartAsync();
        using var admin = Sdk.Admin(server);
        await admin.Admin.CreateTenantAsync(new CreateTenantRequest("Acme", "acme"));

        var taken = (await admin.Admin.CreateTenantAsync(new CreateTenantRequest("Acme 2", "acme"))).FreightError()!;
        var bad = (await admin.Admin.CreateTenantAsync(new CreateTenantRequest("Bad", "Not A Slug"))).FreightError()!;

        Assert.Equal((HttpStatusCode.Conflict, "conflict", "The slug 'acme' is taken."), (taken.StatusCode, taken.Error, taken.Message));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "slug", "invalid"), (bad.StatusCode, bad.Details.Single().Field, bad.Details[0].Type));
    }

    [Fact]
    public async Task Tenants_list_as_a_page_and_as_a_stream_over_every_page_and_read_one_by_one()
    {
        await using var server = await ApiServer.StartAsync();
        using var admin = Sdk.Admin(server);
        var ids = new List<Guid>();
        foreach (var slug in new[] { "a", "b", "c", "d", "e" })
        {
            ids.Add((await admin.Admin.CreateTenantAsync(new CreateTenantRequest(slug.ToUpperInvariant(), slug))).Value.Id);
        }

        var page = (await admin.Admin.ListTenantsAsync(limit: 2, offset: 4)).Value;
        var all = await admin.Admin.ListAllTenantsAsync(pageSize: 2).ToListAsync();
        var one = (await admin.Admin.GetTenantAsync(ids[2])).Value;
        var unknown = Guid.NewGuid();
        var missing = (await admin.Admin.GetTenantAsync(unknown)).FreightError()!;

        Assert.Equal((1, 5, 2, 4, false), (page.Items.Count, page.Total, page.Limit, page.Offset, page.HasMore));
        Assert.Equal(ids.Order(), all.Select(tenant => tenant.Id).Order());
        Assert.Equal(("C", "c"), (one.Name, one.Slug));
        Assert.Equal((HttpStatusCode.NotFound, $"No tenant {unknown}."), (missing.StatusCode, missing.Message));
    }

    [Fact]
    public async Task Keys_are_issued_listed_and_revoked_and_a_revoked_key_is_refused_at_once()
    {
        await using var server = await ApiServer.StartAsync();
        using var admin = Sdk.Admin(server);
        var tenant = (await admin.Admin.CreateTenantAsync(new CreateTenantRequest("Acme", "acme"))).Value;

        var issued = await admin.Admin.IssueKeyAsync(tenant.Id, new CreateKeyRequest("ci"));
        using var ci = Sdk.Tenant(server, issued.Value.ApiKey);
        var before = await ci.Jobs.ListAsync();
        var revoked = await admin.Admin.RevokeKeyAsync(tenant.Id, issued.Value.Id);
        var after = await ci.Jobs.ListAsync();
        var keys = (await admin.Admin.ListKeysAsync(tenant.Id)).Value;
        var again = await admin.Admin.RevokeKeyAsync(tenant.Id, Guid.Empty);

        Assert.Equal((HttpStatusCode.Created, "ci"), (issued.StatusCode, issued.Value.Name));
        Assert.True(before.IsSuccess);
        Assert.Equal((true, HttpStatusCode.NoContent), (revoked.IsSuccess, revoked.StatusCode));
        Assert.Equal((HttpStatusCode.Unauthorized, "Invalid API key"), (after.StatusCode, after.FreightError()!.Message));
        Assert.Equal(new[] { tenant.Key.Id, issued.Value.Id }.Order(), keys.Select(key => key.Id).Order());
        Assert.NotNull(keys.Single(key => key.Id == issued.Value.Id).RevokedAt);
        Assert.Null(keys.Single(key => key.Id == tenant.Key.Id).RevokedAt);
        Assert.Equal($"Tenant {tenant.Id} has no key {Guid.Empty}.", again.FreightError()!.Message);
    }

    [Fact]
    public async Task Keys_of_an_unknown_tenant_are_a_404()
    {
        await using var server = await ApiServer.StartAsync();
        using var admin = Sdk.Admin(server);
        var unknown = Guid.NewGuid();

        var issue = await admin.Admin.IssueKeyAsync(unknown, new CreateKeyRequest("ci"));
        var list = await admin.Admin.ListKeysAsync(unknown);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (issue.StatusCode, list.StatusCode));
        Assert.Equal($"No tenant {unknown}.", list.FreightError()!.Message);
    }

    [Fact]
    public async Task A_wrong_or_missing_admin_key_is_a_401_with_the_apis_message()
    {
        await using var server = await ApiServer.StartAsync();
        using var wrong = Sdk.Admin(server, "not-the-admin-key");
        using var none = Sdk.Anonymous(server);

        var refused = (await wrong.Admin.ListTenantsAsync()).FreightError()!;
        var missing = (await none.Admin.CreateTenantAsync(new CreateTenantRequest("Acme", "acme"))).FreightError()!;

        Assert.Equal((HttpStatusCode.Unauthorized, "unauthorized", "Invalid admin key"), (refused.StatusCode, refused.Error, refused.Message));
        Assert.Equal("Admin key required", missing.Message);
    }
}

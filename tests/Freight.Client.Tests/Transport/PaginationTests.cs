using Freight.TestUtils;

namespace Freight.Client.Tests.Transport;

public sealed class PaginationTests
{
    [Fact]
    public async Task List_all_asks_for_each_page_by_offset_and_stops_at_a_short_page()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(Page(0, 2, 5), Page(2, 2, 5), Page(4, 1, 5));
        using var client = Sdk.Create(server.BaseAddress, adminKey: "admin-secret");

        var tenants = await client.Admin.ListAllTenantsAsync(pageSize: 2).ToListAsync();

        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], tenants.Select(tenant => tenant.Slug));
        Assert.Equal(["?offset=0&limit=2", "?offset=2&limit=2", "?offset=4&limit=2"], server.Requests.Select(request => request.QueryString));
    }

    private static ScriptedResponse Page(int offset, int count, int total)
    {
        var items = Enumerable.Range(offset, count).Select(i =>
            $$"""{"id":"{{Guid.NewGuid()}}","name":"T{{i}}","slug":"t{{i}}","status":"active","created_at":"2026-01-01T00:00:00.000Z"}""");
        return ScriptedResponse.Json($$"""{"items":[{{string.Join(',', items)}}],"total":{{total}},"limit":2,"offset":{{offset}},"has_more":{{(offset + count < total ? "true" : "false")}}}""");
    }
}

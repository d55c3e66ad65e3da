using System.Globalization;
using Freight.TestUtils;
using Microsoft.AspNetCore.Http;

namespace Freight.Http.Tests.Pagination;

public sealed class OffsetLimitPaginationTests
{
    [Fact]
    public async Task Pages_advance_by_the_limit_and_a_short_page_ends_the_listing()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map("/records", context => ServeSlice(context, total: 5));
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false));

        var items = await PagingClients.ReadAllAsync(client.PaginateAsync<Item>(ApiRequest.Get("records"), Freight.Http.Pagination.OffsetLimit(limit: 2)));

        Assert.Equal([1, 2, 3, 4, 5], items.Select(i => i.Id));
        Assert.Equal(["0", "2", "4"], server.Requests.Select(r => PagingClients.Query(r, "offset")));
        Assert.Equal(["2", "2", "2"], server.Requests.Select(r => PagingClients.Query(r, "limit")));
    }

    [Fact]
    public async Task An_exact_multiple_of_the_limit_ends_with_one_empty_page()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Map("/records", context => ServeSlice(context, total: 4));
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false));

        var items = await PagingClients.ReadAllAsync(client.PaginateAsync<Item>(ApiRequest.Get("records"), Freight.Http.Pagination.OffsetLimit(limit: 2)));

        Assert.Equal([1, 2, 3, 4], items.Select(i => i.Id));
        Assert.Equal(["0", "2", "4"], server.Requests.Select(r => PagingClients.Query(r, "offset")));
        Assert.Equal(["2", "2", "2"], server.Requests.Select(r => PagingClients.Query(r, "limit")));
    }

    [Fact]
    public async Task Custom_parameter_names_replace_any_given_in_the_request()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(
            "/records",
            ScriptedResponse.Json("""{"rows":[{"id":1},{"id":2},{"id":3}]}"""),
            ScriptedResponse.Json("""{"rows":[]}"""));
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false));

        var items = await PagingClients.ReadAllAsync(client.PaginateAsync<Item>(
            ApiRequest.Get("records").WithQuery("sort", "id").WithQuery("skip", 50),
            Freight.Http.Pagination.OffsetLimit(limit: 3, itemsKey: "rows", offsetParameter: "skip", limitParameter: "take")));

        Assert.Equal([1, 2, 3], items.Select(i => i.Id));
        Assert.Equal(["0", "3"], server.Requests.Select(r => PagingClients.Query(r, "skip")));
        Assert.Equal(["3", "3"], server.Requests.Select(r => PagingClients.Query(r, "take")));
        Assert.All(server.Requests, r => Assert.Equal("id", PagingClients.Query(r, "sort")));
    }

    private static Task ServeSlice(HttpContext context, int total)
    {
        var offset = int.Parse(context.Request.Query["offset"]!, CultureInfo.InvariantCulture);
        var limit = int.Parse(context.Request.Query["limit"]!, CultureInfo.InvariantCulture);
        var ids = Enumerable.Range(offset + 1, Math.Max(0, Math.Min(limit, total - offset)));
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$"""{"data":[{{string.Join(",", ids.Select(id => $$"""{"id":{{id}}}"""))}}]}""");
    }
}

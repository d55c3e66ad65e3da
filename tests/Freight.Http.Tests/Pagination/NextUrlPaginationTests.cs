using Freight.TestUtils;

namespace Freight.Http.Tests.Pagination;

public sealed class NextUrlPaginationTests
{
    [Fact]
    public async Task The_absolute_next_url_is_followed_until_it_is_null()
    {
        await using var server = await ScriptedServer.StartAsync();
        var next = new Uri(server.BaseAddress, "v2/companies");
        server.Enqueue(
            "/v2/companies",
            ScriptedResponse.Json($$$"""{"data":[{"id":1},{"id":2}],"pagination":{"prevUrl":null,"nextUrl":"{{{next}}}?page_token=b&page_size=2"}}"""),
            ScriptedResponse.Json($$$"""{"data":[{"id":3},{"id":4}],"pagination":{"prevUrl":"x","nextUrl":"{{{next}}}?page_token=c&page_size=2"}}"""),
            ScriptedResponse.Json("""{"data":[{"id":5}],"pagination":{"prevUrl":"x","nextUrl":null}}"""));
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false));

        var items = await PagingClients.ReadAllAsync(client.PaginateAsync<Item>(
            ApiRequest.Get("v2/companies").WithQuery("page_size", 2),
            Freight.Http.Pagination.NextUrl()));

        Assert.Equal([1, 2, 3, 4, 5], items.Select(i => i.Id));
        Assert.Equal(
            ["?page_size=2", "?page_token=b&page_size=2", "?page_token=c&page_size=2"],
            server.Requests.Select(r => r.QueryString));
        Assert.All(server.Requests, r => Assert.Equal("/v2/companies", r.Path));
    }

    [Fact]
    public async Task A_next_url_on_another_host_is_followed_as_given()
    {
        await using var first = await ScriptedServer.StartAsync();
        await using var second = await ScriptedServer.StartAsync();
        first.Enqueue("/list", ScriptedResponse.Json($$$"""{"data":[{"id":1}],"pagination":{"nextUrl":"{{{second.BaseAddress}}}elsewhere?cursor=2"}}"""));
        second.Enqueue("/elsewhere", ScriptedResponse.Json("""{"data":[{"id":2}],"pagination":{}}"""));
        using var client = ApiClient.Create(TestClients.Options(first, breaker: false));

        var items = await PagingClients.ReadAllAsync(client.PaginateAsync<Item>(ApiRequest.Get("list"), Freight.Http.Pagination.NextUrl()));

        Assert.Equal([1, 2], items.Select(i => i.Id));
        Assert.Equal(1, first.RequestCount);
        Assert.Equal("?cursor=2", second.Requests.Single().QueryString);
    }
}

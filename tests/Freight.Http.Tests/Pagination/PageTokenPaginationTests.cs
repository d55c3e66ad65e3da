using Freight.TestUtils;

namespace Freight.Http.Tests.Pagination;

public sealed class PageTokenPaginationTests
{
    [Fact]
    public async Task Pages_are_followed_by_token_and_items_yielded_in_order()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(
            "/items",
            ScriptedResponse.Json("""{"data":[{"id":1},{"id":2}],"next_page_token":"p2"}"""),
            ScriptedResponse.Json("""{"data":[{"id":3}],"next_page_token":"p3"}"""),
            ScriptedResponse.Json("""{"data":[{"id":4},{"id":5}]}"""));
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false));

        var items = await PagingClients.ReadAllAsync(
            client.PaginateAsync<Item>(ApiRequest.Get("items").WithQuery("status", "open"), Freight.Http.Pagination.PageToken()));

        Assert.Equal([1, 2, 3, 4, 5], items.Select(i => i.Id));
        Assert.Equal(
            ["?status=open", "?status=open&page_token=p2", "?status=open&page_token=p3"],
            server.Requests.Select(r => r.QueryString));
    }

    [Theory]
    [InlineData("""{"data":[{"id":3}],"next_page_token":""}""")]
    [InlineData("""{"data":[{"id":3}],"next_page_token":null}""")]
    [InlineData("""{"data":[{"id":3}]}""")]
    public async Task A_missing_or_empty_token_ends_the_listing(string lastPage)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(
            "/items",
            ScriptedResponse.Json("""{"data":[{"id":1},{"id":2}],"next_page_token":"p2"}"""),
            ScriptedResponse.Json(lastPage),
            ScriptedResponse.Json("""{"data":[{"id":99}]}"""));
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false));

        var items = await PagingClients.ReadAllAsync(client.PaginateAsync<Item>(ApiRequest.Get("items"), Freight.Http.Pagination.PageToken()));

        Assert.Equal([1, 2, 3], items.Select(i => i.Id));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Custom_keys_and_token_parameter_are_used()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(
            "/events",
            ScriptedResponse.Json("""{"result":{"events":[{"id":1}]},"meta":{"cursor":"c/2"}}"""),
            ScriptedResponse.Json("""{"result":{"events":[{"id":2}]},"meta":{}}"""));
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false));

        var items = await PagingClients.ReadAllAsync(client.PaginateAsync<Item>(
            ApiRequest.Get("events"),
            Freight.Http.Pagination.PageToken(itemsKey: "result.events", nextTokenKey: "meta.cursor", tokenParameter: "after")));

        Assert.Equal([1, 2], items.Select(i => i.Id));
        Assert.Equal(["", "?after=c%2F2"], server.Requests.Select(r => r.QueryString));
    }
}

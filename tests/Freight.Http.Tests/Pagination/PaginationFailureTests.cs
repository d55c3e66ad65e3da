using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.Pagination;

public sealed class PaginationFailureTests
{
    [Theory]
    [InlineData(500, typeof(ApiHttpException))]
    [InlineData(429, typeof(ApiRateLimitException))]
    public async Task A_page_that_still_fails_after_retries_throws_the_matching_exception(int status, Type expected)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue("/items", ScriptedResponse.Json("""{"data":[{"id":1},{"id":2}],"next_page_token":"p2"}"""));
        server.DefaultResponse = ScriptedResponse.Json("""{"error":"boom"}""", status);
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 3, breaker: false));
        var seen = new List<int>();

        var listing = ReadInto(seen, client.PaginateAsync<Item>(ApiRequest.Get("items"), Freight.Http.Pagination.PageToken()));
        var thrown = await Assert.ThrowsAsync(expected, () => time.RunAsync(listing));

        var error = ((ApiException)thrown).Error;
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("""{"error":"boom"}""", error.Body);
        Assert.Equal(3, error.Attempts);
        Assert.Equal([1, 2], seen);
        Assert.Equal(1 + 3, server.RequestCount);
        Assert.All(server.Requests.Skip(1), r => Assert.Equal("?page_token=p2", r.QueryString));
    }

    [Fact]
    public async Task A_page_without_the_items_array_throws_ApiValidationException()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(
            "/items",
            ScriptedResponse.Json("""{"data":[{"id":1}],"next_page_token":"p2"}"""),
            ScriptedResponse.Json("""{"data":{"id":2},"next_page_token":"p3"}"""));
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false));
        var seen = new List<int>();

        var thrown = await Assert.ThrowsAsync<ApiValidationException>(() =>
            ReadInto(seen, client.PaginateAsync<Item>(ApiRequest.Get("items"), Freight.Http.Pagination.PageToken())).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(ApiErrorKind.Validation, thrown.Error.Kind);
        Assert.Contains("'data'", thrown.Errors.Single(), StringComparison.Ordinal);
        Assert.Equal([1], seen);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Cancelling_stops_the_listing_before_the_next_page_is_requested()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Json("""{"data":[{"id":1},{"id":2}],"next_page_token":"more"}""");
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false));
        using var cancellation = new CancellationTokenSource();
        var seen = new List<int>();

        var listing = client.PaginateAsync<Item>(ApiRequest.Get("items"), Freight.Http.Pagination.PageToken(), cancellation.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in listing)
            {
                seen.Add(item.Id);
                await cancellation.CancelAsync();
            }
        }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, server.RequestCount);
        Assert.NotEmpty(seen);
    }

    [Fact]
    public async Task Cancelling_while_a_page_is_in_flight_ends_the_listing()
    {
        await using var server = await ScriptedServer.StartAsync();
        var never = new TaskCompletionSource();
        server.Enqueue(
            "/items",
            ScriptedResponse.Json("""{"data":[{"id":1}],"next_page_token":"p2"}"""),
            ScriptedResponse.Json("""{"data":[{"id":2}]}""").HoldUntil(never.Task));
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false));
        using var cancellation = new CancellationTokenSource();
        var seen = new List<int>();

        var listing = ReadInto(seen, client.PaginateAsync<Item>(ApiRequest.Get("items"), Freight.Http.Pagination.PageToken(), cancellation.Token));
        await server.WaitForRequestsAsync(2);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([1], seen);
        Assert.Equal(2, server.RequestCount);
    }

    private static async Task ReadInto(List<int> seen, IAsyncEnumerable<Item> items)
    {
        await foreach (var item in items)
        {
            seen.Add(item.Id);
        }
    }
}

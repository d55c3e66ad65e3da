using System.Text;
using Freight.TestUtils;

namespace Freight.Http.Tests.Streaming;

public sealed class StreamingTests
{
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Ndjson_stream_yields_every_line_in_order()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.NdjsonStream(5_000, i => $$"""{"id":{{i}},"name":"item {{i}}"}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var ids = new List<long>();
        await foreach (var item in client.StreamNdjsonAsync<Item>(ApiRequest.Get("export.ndjson")))
        {
            ids.Add(item!.Id);
        }

        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task Json_array_stream_yields_every_item_in_order()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.JsonArrayStream(5_000, i => $$"""{"id":{{i}},"name":"item {{i}}"}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var items = new List<Item?>();
        await foreach (var item in client.StreamJsonArrayAsync<Item>(ApiRequest.Get("export")))
        {
            items.Add(item);
        }

        Assert.Equal(5_000, items.Count);
        Assert.Equal(new Item(4_999, "item 4999"), items[^1]);
    }

    [Fact]
    public async Task Empty_array_stream_yields_nothing()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.JsonArrayStream(0, i => "{}"));
        using var client = ApiClient.Create(TestClients.Options(server));

        var count = 0;
        await foreach (var item in client.StreamJsonArrayAsync<Item>(ApiRequest.Get("export")))
        {
            count++;
        }

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Malformed_item_mid_stream_throws_ApiValidationException()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.JsonArrayStream(1_000, i => i == 600 ? """{"id":"six hundred"}""" : $$"""{"id":{{i}}}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var received = new List<long>();
        var exception = await Assert.ThrowsAsync<ApiValidationException>(async () =>
        {
            await foreach (var item in client.StreamJsonArrayAsync<Item>(ApiRequest.Get("export")))
            {
                received.Add(item!.Id);
            }
        });

        Assert.Equal(ApiErrorKind.Validation, exception.Error.Kind);
        Assert.NotEmpty(exception.Errors);
        Assert.True(received.Count < 600, $"Received {received.Count} items; none after the bad one.");
        Assert.Equal(Enumerable.Range(0, received.Count).Select(i => (long)i), received);
    }

    [Fact]
    public async Task Broken_json_syntax_mid_ndjson_stream_throws_ApiValidationException()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.NdjsonStream(100, i => i == 50 ? """{"id":50,""" : $$"""{"id":{{i}}}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        await Assert.ThrowsAsync<ApiValidationException>(async () =>
        {
            await foreach (var item in client.StreamNdjsonAsync<Item>(ApiRequest.Get("export.ndjson")))
            {
                Assert.NotNull(item);
            }
        });
    }

    [Fact]
    public async Task Aborted_stream_throws_ApiNetworkException()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Truncated(100_000, Encoding.UTF8.GetBytes("""[{"id":1},{"id":2},""")));
        using var client = ApiClient.Create(TestClients.Options(server));

        var received = new List<long>();
        var exception = await Assert.ThrowsAsync<ApiNetworkException>(async () =>
        {
            await foreach (var item in client.StreamJsonArrayAsync<Item>(ApiRequest.Get("export")))
            {
                received.Add(item!.Id);
            }
        }).WaitAsync(RealTimeLimit);

        Assert.Equal(ApiErrorKind.Network, exception.Error.Kind);
        Assert.NotNull(exception.InnerException);
        // The reset may discard bytes still in the socket buffer, so items 1 and 2 may or may not have arrived.
        Assert.Equal(new long[] { 1, 2 }.Take(received.Count), received);
    }

    [Fact]
    public async Task Stream_whose_connection_is_aborted_before_the_headers_throws_ApiNetworkException()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Abort());
        using var client = ApiClient.Create(TestClients.Options(server));

        var exception = await Assert.ThrowsAsync<ApiNetworkException>(async () =>
        {
            await foreach (var item in client.StreamJsonArrayAsync<Item>(ApiRequest.Get("export")))
            {
                Assert.Fail("No item can arrive.");
            }
        });

        Assert.Equal(1, exception.Error.Attempts);
    }

    [Fact]
    public async Task Stream_of_an_error_response_throws_ApiHttpException_with_the_body()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"error":"forbidden"}""", status: 403));
        using var client = ApiClient.Create(TestClients.Options(server));

        var exception = await Assert.ThrowsAsync<ApiHttpException>(async () =>
        {
            await foreach (var item in client.StreamNdjsonAsync<Item>(ApiRequest.Get("export.ndjson")))
            {
                Assert.Fail("No item can arrive.");
            }
        });

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Equal("""{"error":"forbidden"}""", exception.Body);
    }

    private sealed record Item(long Id, string? Name = null);
}

using System.IO.Compression;
using System.Net;
using System.Text;
using Freight.TestUtils;

namespace Freight.Http.Tests.Transport;

public sealed class TransportTests
{
    [Fact]
    public async Task Http2_prior_knowledge_talks_HTTP_2_to_a_cleartext_server()
    {
        await using var server = await ScriptedServer.StartAsync(ServerProtocol.Http2);
        server.Enqueue(ScriptedResponse.Json("""{"id":1}"""), ScriptedResponse.Json("""{"id":2}"""));
        var options = TestClients.Options(server);
        options.Transport.Http2PriorKnowledge = true;
        using var client = ApiClient.Create(options);

        var first = await client.GetAsync<Item>("items/1");
        var second = await client.GetAsync<Item>("items/2");

        Assert.Equal(1, first.Value.Id);
        Assert.Equal(2, second.Value.Id);
        Assert.All(server.Requests, request => Assert.Equal("HTTP/2", request.Protocol));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Default_options_fall_back_to_HTTP_1_1_on_a_server_without_HTTP_2()
    {
        await using var server = await ScriptedServer.StartAsync(ServerProtocol.Http1);
        server.Enqueue(ScriptedResponse.Json("""{"id":1}"""));
        var options = TestClients.Options(server);
        Assert.True(options.Transport.EnableHttp2);
        using var client = ApiClient.Create(options);

        var result = await client.GetAsync<Item>("items/1");

        Assert.Equal(1, result.Value.Id);
        Assert.Equal("HTTP/1.1", Assert.Single(server.Requests).Protocol);
    }

    [Fact]
    public async Task Http2_prior_knowledge_streams_a_json_array()
    {
        await using var server = await ScriptedServer.StartAsync(ServerProtocol.Http2);
        server.Enqueue(ScriptedResponse.JsonArrayStream(2_000, i => $$"""{"id":{{i}}}"""));
        var options = TestClients.Options(server);
        options.Transport.Http2PriorKnowledge = true;
        using var client = ApiClient.Create(options);

        long sum = 0;
        await foreach (var item in client.StreamJsonArrayAsync<Item>(ApiRequest.Get("items")))
        {
            sum += item!.Id;
        }

        Assert.Equal(1999L * 2000 / 2, sum);
        Assert.Equal("HTTP/2", Assert.Single(server.Requests).Protocol);
    }

    [Fact]
    public async Task Primary_handler_factory_replaces_the_built_in_transport()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json("""{"id":5}"""));
        var handler = new CountingHandler();
        var created = 0;
        var options = TestClients.Options(server);
        options.Retry.MaxAttempts = 2;
        options.Retry.BaseDelay = TimeSpan.Zero;
        options.PrimaryHandlerFactory = () =>
        {
            created++;
            return handler;
        };
        using var client = ApiClient.Create(options);

        var result = await client.GetAsync<Item>("items/5");

        Assert.Equal(5, result.Value.Id);
        Assert.Equal(1, created);
        Assert.Equal(2, handler.Requests);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Gzip_encoded_response_is_decompressed()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(200)
            .WithBody(Gzip("""{"id":42}"""), "application/json")
            .WithHeader("Content-Encoding", "gzip"));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<Item>("items/42");

        Assert.Equal(42, result.Value.Id);
        Assert.Contains("gzip", Assert.Single(server.Requests).Headers["Accept-Encoding"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_over_an_existing_HttpClient_uses_it_and_leaves_it_open()
    {
        await using var server = await ScriptedServer.StartAsync();
        var handler = new CountingHandler();
        using var http = new HttpClient(handler);

        using (var client = new ApiClient(http, TestClients.Options(server), name: "external"))
        {
            Assert.True((await client.SendAsync(ApiRequest.Get("ping"))).IsSuccess);
        }

        using var afterDispose = await http.GetAsync(new Uri(server.BaseAddress, "ping"));
        Assert.Equal(HttpStatusCode.OK, afterDispose.StatusCode);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task Client_over_an_HttpClient_that_already_sent_requests_can_be_created_and_used()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("{}"), ScriptedResponse.Json("""{"id":3}"""), ScriptedResponse.Json("""{"id":4}"""));
        var handler = new CountingHandler();
        using var http = new HttpClient(handler);
        using var warmUp = await http.GetAsync(new Uri(server.BaseAddress, "ping"));

        using var first = new ApiClient(http, TestClients.Options(server), name: "first");
        using var second = new ApiClient(http, TestClients.Options(server), name: "second");

        Assert.Equal(3, (await first.GetAsync<Item>("items/3")).Value.Id);
        Assert.Equal(4, (await second.GetAsync<Item>("items/4")).Value.Id);
        Assert.Equal(3, handler.Requests);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private sealed record Item(long Id);
}

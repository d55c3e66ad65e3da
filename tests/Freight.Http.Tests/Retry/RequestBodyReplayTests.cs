using System.Text;
using Freight.TestUtils;

namespace Freight.Http.Tests.Retry;

public sealed class RequestBodyReplayTests
{
    [Fact]
    public async Task Every_attempt_sends_the_full_json_body()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));
        var request = ApiRequest.Put("shipments/1", new { reference = "FR-1", weight = 12.5 });

        var result = await time.RunAsync(client.SendAsync(request));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(3, server.RequestCount);
        Assert.All(server.Requests, recorded => Assert.Equal("""{"reference":"FR-1","weight":12.5}""", recorded.Body));
    }

    [Fact]
    public async Task Every_attempt_opens_the_body_factory_afresh()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(500), ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));
        var payload = string.Concat(Enumerable.Repeat("manifest-line;", 2000));
        var opened = 0;
        var request = new ApiRequest(HttpMethod.Put, "manifests/1").WithBody(RequestBody.FromFactory(() =>
        {
            Interlocked.Increment(ref opened);
            return new MemoryStream(Encoding.UTF8.GetBytes(payload));
        }, "text/plain"));

        var result = await time.RunAsync(client.SendAsync(request));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(3, opened);
        Assert.All(server.Requests, recorded => Assert.Equal(payload, recorded.Body));
    }

    [Fact]
    public async Task Every_attempt_sends_the_full_buffered_stream_body()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));
        using var source = new MemoryStream(Encoding.UTF8.GetBytes("pallet-7"));
        var request = ApiRequest.Post("uploads", null).WithIdempotencyKey("upload-7").WithBody(RequestBody.FromStream(source));

        var result = await time.RunAsync(client.SendAsync(request));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, server.RequestCount);
        Assert.All(server.Requests, recorded => Assert.Equal("pallet-7", recorded.Body));
    }
}

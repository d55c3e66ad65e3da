using Freight.TestUtils;

namespace Freight.Http.Tests.Streaming;

public sealed class DownloadTests
{
    [Fact]
    public async Task Download_copies_the_body_and_returns_the_byte_count()
    {
        await using var server = await ScriptedServer.StartAsync();
        var body = new byte[3_000_000];
        new Random(7).NextBytes(body);
        server.Enqueue(ScriptedResponse.Status(200).WithBody(body));
        using var client = ApiClient.Create(TestClients.Options(server));
        var destination = new CountingStream();

        var result = await client.DownloadAsync(ApiRequest.Get("files/big.bin"), destination);

        Assert.Equal(3_000_000L, result.Value);
        Assert.Equal(3_000_000L, destination.BytesWritten);
        Assert.True(destination.Writes > 1, "The body should arrive in several writes, not one buffer.");
    }

    [Fact]
    public async Task Download_of_a_truncated_body_returns_a_network_error()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Truncated(10_000, new byte[4_000]));
        using var client = ApiClient.Create(TestClients.Options(server));
        var destination = new CountingStream();

        var result = await client.DownloadAsync(ApiRequest.Get("files/cut.bin"), destination);

        Assert.False(result.IsSuccess);
        Assert.Equal(ApiErrorKind.Network, result.Error.Kind);
        Assert.Throws<ApiNetworkException>(() => result.Value);
        Assert.NotNull(result.Error.Exception);
        // The reset may discard bytes still in the socket buffer, so only an upper bound holds.
        Assert.InRange(destination.BytesWritten, 0, 4_000);
    }

    [Fact]
    public async Task Download_of_an_error_response_returns_the_http_error_and_writes_nothing()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"error":"not_found"}""", status: 404));
        using var client = ApiClient.Create(TestClients.Options(server));
        var destination = new CountingStream();

        var result = await client.DownloadAsync(ApiRequest.Get("files/none.bin"), destination);

        Assert.Equal(ApiErrorKind.Http, result.Error?.Kind);
        Assert.Equal("""{"error":"not_found"}""", result.Error!.Body);
        Assert.Equal(0, destination.BytesWritten);
    }
}

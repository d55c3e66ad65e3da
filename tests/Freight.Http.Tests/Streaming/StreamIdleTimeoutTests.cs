using System.Text;
using Freight.TestUtils;
using Microsoft.AspNetCore.Http;

namespace Freight.Http.Tests.Streaming;

public sealed class StreamIdleTimeoutTests
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stalled_body_throws_ApiTimeoutException_after_the_idle_timeout()
    {
        await using var server = await ScriptedServer.StartAsync();
        var neverReleased = new TaskCompletionSource();
        server.Enqueue(ScriptedResponse.Chunked(
            "application/json",
            Encoding.UTF8.GetBytes("""[{"id":1},"""),
            neverReleased.Task,
            Encoding.UTF8.GetBytes("""{"id":2}]""")));
        var time = new ManualTimeProvider();
        var options = TestClients.Options(server, time);
        options.StreamIdleTimeout = IdleTimeout;
        using var client = ApiClient.Create(options);

        await using var items = client.StreamJsonArrayAsync<Item>(ApiRequest.Get("items")).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(RealTimeLimit));
        Assert.Equal(1, items.Current!.Id);

        var next = items.MoveNextAsync().AsTask();
        await time.WaitForPendingTimerAsync(dueIn => dueIn == IdleTimeout);
        time.Advance(IdleTimeout - TimeSpan.FromTicks(1));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => next.WaitAsync(RealTimeLimit));
        Assert.Equal(ApiErrorKind.Timeout, exception.Error.Kind);
        Assert.Contains("10 s", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_but_moving_body_completes_although_it_outlasts_the_total_timeout()
    {
        await using var server = await ScriptedServer.StartAsync();
        var gates = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource()).ToArray();
        server.Map("/items", context => WriteGatedArrayAsync(context, gates));
        var time = new ManualTimeProvider();
        var options = TestClients.Options(server, time, attemptTimeout: TimeSpan.FromSeconds(10), totalTimeout: TimeSpan.FromSeconds(20));
        options.StreamIdleTimeout = IdleTimeout;
        using var client = ApiClient.Create(options);
        var started = time.GetUtcNow();

        await using var items = client.StreamJsonArrayAsync<Item>(ApiRequest.Get("items")).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync().AsTask().WaitAsync(RealTimeLimit));
        var received = new List<int> { items.Current!.Id };
        foreach (var gate in gates)
        {
            var next = items.MoveNextAsync().AsTask();
            await time.WaitForPendingTimerAsync(dueIn => dueIn == IdleTimeout);
            time.Advance(TimeSpan.FromSeconds(8));
            gate.SetResult();
            Assert.True(await next.WaitAsync(RealTimeLimit));
            received.Add(items.Current!.Id);
        }

        Assert.False(await items.MoveNextAsync().AsTask().WaitAsync(RealTimeLimit));
        Assert.Equal([0, 1, 2, 3, 4], received);
        Assert.Equal(TimeSpan.FromSeconds(32), time.GetUtcNow() - started);
    }

    [Fact]
    public async Task Stalled_download_returns_a_timeout_error_after_keeping_what_arrived()
    {
        await using var server = await ScriptedServer.StartAsync();
        var neverReleased = new TaskCompletionSource();
        server.Enqueue(ScriptedResponse.Chunked("application/octet-stream", new byte[1000], neverReleased.Task, new byte[1000]));
        var time = new ManualTimeProvider();
        var options = TestClients.Options(server, time);
        options.StreamIdleTimeout = IdleTimeout;
        using var client = ApiClient.Create(options);
        using var destination = new CountingStream(signalAt: 1000);

        var download = client.DownloadAsync(ApiRequest.Get("file"), destination);
        await destination.Reached.WaitAsync(RealTimeLimit);
        await time.WaitForPendingTimerAsync(dueIn => dueIn == IdleTimeout);
        time.Advance(IdleTimeout);
        var result = await download.WaitAsync(RealTimeLimit);

        Assert.Equal(ApiErrorKind.Timeout, result.Error?.Kind);
        Assert.Throws<ApiTimeoutException>(() => result.Value);
        Assert.Equal(1000, destination.BytesWritten);
    }

    private static async Task WriteGatedArrayAsync(HttpContext context, TaskCompletionSource[] gates)
    {
        var (response, aborted) = (context.Response, context.RequestAborted);
        response.ContentType = "application/json";
        await response.WriteAsync("""[{"id":0}""", aborted);
        await response.Body.FlushAsync(aborted);
        for (var i = 0; i < gates.Length; i++)
        {
            await gates[i].Task.WaitAsync(aborted);
            await response.WriteAsync($$""",{"id":{{i + 1}}}""", aborted);
            await response.Body.FlushAsync(aborted);
        }

        await response.WriteAsync("]", aborted);
    }

    private sealed record Item(int Id);
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Freight.TestUtils;

namespace Freight.Http.Tests.Hooks;

public sealed class ShortCircuitTests
{
    [Fact]
    public async Task A_response_from_BeforeAsync_is_the_result_and_nothing_is_sent()
    {
        await using var server = await ScriptedServer.StartAsync();
        var log = new ConcurrentQueue<string>();
        var options = TestClients.Options(server, breaker: false);
        options.Hooks.Add(new RecordingHook("1", log));
        options.Hooks.Add(new RecordingHook("2", log, () => Json(HttpStatusCode.OK, """{"id":7,"name":"cached"}""")));
        options.Hooks.Add(new RecordingHook("3", log));
        using var client = ApiClient.Create(options);

        var result = await client.GetAsync<Item>("items/7").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new Item(7, "cached"), result.Value);
        Assert.Equal(["B1", "B2", "A2:200", "A1:200"], log);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task A_short_circuit_error_status_becomes_an_http_error()
    {
        await using var server = await ScriptedServer.StartAsync();
        var log = new ConcurrentQueue<string>();
        var options = TestClients.Options(server, breaker: false);
        options.Hooks.Add(new RecordingHook("1", log));
        options.Hooks.Add(new RecordingHook("2", log, () => Json((HttpStatusCode)418, """{"error":"teapot"}""")));
        options.Hooks.Add(new RecordingHook("3", log));
        using var client = ApiClient.Create(options);

        var result = await client.GetAsync<Item>("items/7").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ApiErrorKind.Http, result.Error?.Kind);
        var exception = Assert.IsType<ApiHttpException>(result.Error!.ToException());
        Assert.Equal((HttpStatusCode)418, exception.StatusCode);
        Assert.Equal("""{"error":"teapot"}""", exception.Body);
        Assert.Equal(["B1", "B2", "A2:418", "A1:418"], log);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task A_retriable_short_circuit_status_runs_the_hooks_again_on_the_retry()
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        var log = new ConcurrentQueue<string>();
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        var options = TestClients.Options(server, time, maxAttempts: 2, breaker: false);
        options.Hooks.Add(new RecordingHook("1", log, () => Json(answers.Dequeue(), """{"id":1,"name":"late"}""")));
        using var client = ApiClient.Create(options);

        var result = await time.RunAsync(client.GetAsync<Item>("items/1"));

        Assert.Equal(new Item(1, "late"), result.Value);
        Assert.Equal(["B1", "A1:503", "B1", "A1:200"], log);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], time.ScheduledDueTimes);
        Assert.Equal(0, server.RequestCount);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed record Item(int Id, string Name);
}

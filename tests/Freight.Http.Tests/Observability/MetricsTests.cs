using Freight.TestUtils;

namespace Freight.Http.Tests.Observability;

public sealed class MetricsTests
{
    private const string Requests = "freight.http.client.requests";
    private const string Duration = "freight.http.client.request.duration";
    private const string Retries = "freight.http.client.retries";
    private const string Transitions = "freight.http.client.circuit.transitions";
    private const string RateLimitWait = "freight.http.client.rate_limit.wait";

    private readonly string _client = $"metrics-{Guid.NewGuid():N}";

    [Fact]
    public async Task Success_and_failure_are_counted_with_outcome_status_and_duration()
    {
        using var metrics = new MetricsRecorder(_client);
        await using var server = await ScriptedServer.StartAsync();
        var release = new TaskCompletionSource();
        server.Enqueue("/ok", ScriptedResponse.Json("{}").HoldUntil(release.Task));
        server.Enqueue("/missing", ScriptedResponse.Json("""{"error":"not_found"}""", status: 404));
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time), name: _client);

        var slow = client.SendAsync(ApiRequest.Get("ok"));
        await server.WaitForRequestsAsync(1);
        time.Advance(TimeSpan.FromSeconds(3));
        release.SetResult();
        Assert.True((await slow.WaitAsync(TimeSpan.FromSeconds(10))).IsSuccess);
        Assert.False((await client.SendAsync(new ApiRequest(HttpMethod.Delete, "missing"))).IsSuccess);

        var requests = metrics.Get(Requests);
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(1, r.Value));
        Assert.Equal(("GET", "Success", (object?)200), (requests[0]["http.request.method"], requests[0]["outcome"], requests[0]["http.response.status_code"]));
        Assert.Equal(("DELETE", "Http", (object?)404), (requests[1]["http.request.method"], requests[1]["outcome"], requests[1]["http.response.status_code"]));
        var durations = metrics.Get(Duration);
        Assert.Equal([3.0, 0.0], durations.Select(d => d.Value));
        Assert.Equal(["Success", "Http"], durations.Select(d => d["outcome"]));
        Assert.Empty(metrics.Get(Retries));
    }

    [Fact]
    public async Task Failure_without_a_response_has_no_status_code_tag()
    {
        using var metrics = new MetricsRecorder(_client);
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Abort());
        using var client = ApiClient.Create(TestClients.Options(server), name: _client);

        Assert.Equal(ApiErrorKind.Network, (await client.SendAsync(ApiRequest.Get("items"))).Error?.Kind);

        var request = Assert.Single(metrics.Get(Requests));
        Assert.Equal("Network", request["outcome"]);
        Assert.False(request.Tags.ContainsKey("http.response.status_code"));
    }

    [Fact]
    public async Task Retries_counter_increments_once_per_retry()
    {
        using var metrics = new MetricsRecorder(_client);
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 3), name: _client);

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("items")));

        Assert.True(result.IsSuccess);
        Assert.Equal(3, server.RequestCount);
        var retries = metrics.Get(Retries);
        Assert.Equal([1.0, 1.0], retries.Select(r => r.Value));
        Assert.All(retries, r => Assert.Equal("GET", r["http.request.method"]));
        Assert.Equal("Success", Assert.Single(metrics.Get(Requests))["outcome"]);
    }

    [Fact]
    public async Task Circuit_transitions_are_counted_by_key_and_state()
    {
        using var metrics = new MetricsRecorder(_client);
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(500), ScriptedResponse.Status(500), ScriptedResponse.Json("{}"));
        var time = new ManualTimeProvider();
        var options = TestClients.Options(server, time);
        options.CircuitBreaker.MinimumThroughput = 2;
        options.CircuitBreaker.FailureRatio = 1;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
        using var client = ApiClient.Create(options, name: _client);

        await client.SendAsync(ApiRequest.Get("items"));
        await client.SendAsync(ApiRequest.Get("items"));
        Assert.Equal(ApiErrorKind.CircuitOpen, (await client.SendAsync(ApiRequest.Get("items"))).Error?.Kind);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True((await client.SendAsync(ApiRequest.Get("items"))).IsSuccess);

        var transitions = metrics.Get(Transitions);
        Assert.Equal(["Open", "HalfOpen", "Closed"], transitions.Select(t => t["state"]));
        Assert.All(transitions, t => Assert.Equal(server.BaseAddress.Authority, t["key"]));
        Assert.Equal(["Http", "Http", "CircuitOpen", "Success"], metrics.Get(Requests).Select(r => r["outcome"]));
    }

    [Fact]
    public async Task Wait_of_a_call_held_by_a_429_pause_is_recorded_in_seconds()
    {
        using var metrics = new MetricsRecorder(_client);
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(429).WithHeader("Retry-After", "2"), ScriptedResponse.Json("{}"));
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time), name: _client);

        Assert.Equal(ApiErrorKind.RateLimited, (await client.SendAsync(ApiRequest.Get("items"))).Error?.Kind);
        var paused = client.SendAsync(ApiRequest.Get("items"));
        await time.WaitForPendingTimerAsync(dueIn => dueIn == TimeSpan.FromSeconds(2));
        Assert.Equal(1, server.RequestCount);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await paused.WaitAsync(TimeSpan.FromSeconds(10))).IsSuccess);

        var wait = Assert.Single(metrics.Get(RateLimitWait));
        Assert.Equal(2.0, wait.Value);
        Assert.Equal(server.BaseAddress.Authority, wait["key"]);
        Assert.Equal(["RateLimited", "Success"], metrics.Get(Requests).Select(r => r["outcome"]));
    }
}

using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.RateLimiting;

public sealed class TooManyRequestsPauseTests
{
    [Fact]
    public async Task A_429_with_Retry_After_pauses_every_client_on_the_key()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue("/first", ScriptedResponse.Status(429).WithHeader("Retry-After", "2"));
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var key = TestClients.UniqueName("paused");
        using var first = ApiClient.Create(OnKey(server, time, registry, key), name: TestClients.UniqueName("first"));
        using var second = ApiClient.Create(OnKey(server, time, registry, key), name: TestClients.UniqueName("second"));

        var refused = await TestClients.Settled(first.SendAsync(ApiRequest.Get("first")));
        var started = time.GetUtcNow();
        var waiting = second.SendAsync(ApiRequest.Get("second"));

        Assert.Equal(ApiErrorKind.RateLimited, refused.Error?.Kind);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(started + TimeSpan.FromSeconds(2), registry.GetPausedUntil(key));
        Assert.Equal(TimeSpan.FromSeconds(2), time.NextDueIn);

        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, server.RequestCount);
        Assert.NotNull(registry.GetPausedUntil(key));

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await TestClients.Settled(waiting)).IsSuccess);
        Assert.Equal(["/first", "/second"], server.Requests.Select(r => r.Path));
        Assert.Null(registry.GetPausedUntil(key));
    }

    [Fact]
    public async Task A_call_queued_for_a_token_waits_out_a_pause_set_while_it_queued()
    {
        await using var server = await ScriptedServer.StartAsync();
        var release = new TaskCompletionSource();
        server.Enqueue("/first", ScriptedResponse.Status(429).WithHeader("Retry-After", "2").HoldUntil(release.Task));
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var key = TestClients.UniqueName("queued");
        var options = OnKey(server, time, registry, key);
        options.RateLimit.PermitLimit = 2;
        options.RateLimit.Period = TimeSpan.FromSeconds(3);
        options.RateLimit.Burst = 1;
        using var first = ApiClient.Create(options, name: TestClients.UniqueName("first"));
        using var second = ApiClient.Create(OnKey(server, time, registry, key), name: TestClients.UniqueName("second"));

        var refused = first.SendAsync(ApiRequest.Get("first"));
        await server.WaitForRequestsAsync(1);
        var queued = second.SendAsync(ApiRequest.Get("second"));
        release.SetResult();
        await TestClients.Settled(refused);

        // The token comes back after 1.5 s, but the key stays paused until 2 s: the call holds its token and waits.
        time.Advance(TimeSpan.FromSeconds(1.5));
        await time.WaitForPendingTimerAsync(dueIn => dueIn == TimeSpan.FromSeconds(0.5));
        Assert.False(queued.IsCompleted);
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True((await TestClients.Settled(queued)).IsSuccess);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_429_without_a_wait_pauses_the_key_for_the_default_pause()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(429));
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var key = TestClients.UniqueName("default-pause");
        var options = OnKey(server, time, registry, key);
        options.RateLimit.DefaultPause = TimeSpan.FromSeconds(5);
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("client"));

        var refused = await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")));

        Assert.Equal(ApiErrorKind.RateLimited, refused.Error?.Kind);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(5), registry.GetPausedUntil(key));
    }

    [Fact]
    public async Task A_429_does_not_pause_the_key_when_pausing_is_off()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(429).WithHeader("Retry-After", "2"));
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var key = TestClients.UniqueName("no-pause");
        var options = OnKey(server, time, registry, key);
        options.RateLimit.PauseOnTooManyRequests = false;
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("client"));

        await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")));
        var next = await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")));

        Assert.Null(registry.GetPausedUntil(key));
        Assert.True(next.IsSuccess);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_retry_in_flight_waits_out_a_pause_another_call_set()
    {
        await using var server = await ScriptedServer.StartAsync();
        var release = new TaskCompletionSource();
        server.Enqueue("/slow", ScriptedResponse.Status(503).HoldUntil(release.Task), ScriptedResponse.Json("{}"));
        server.Enqueue("/limited", ScriptedResponse.Status(429).WithHeader("Retry-After", "5"));
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var key = TestClients.UniqueName("retry-pause");
        var options = OnKey(server, time, registry, key);
        options.Retry.MaxAttempts = 2;
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("retrying"));
        using var other = ApiClient.Create(OnKey(server, time, registry, key), name: TestClients.UniqueName("other"));

        var slow = client.SendAsync(ApiRequest.Get("slow"));
        await server.WaitForRequestsAsync(1);
        var refused = await TestClients.Settled(other.SendAsync(ApiRequest.Get("limited")));
        release.SetResult();
        await time.WaitForPendingTimerAsync();

        // The 503 alone would be retried after the 200 ms backoff; the key's pause holds the retry for the full 5 s.
        Assert.Equal(ApiErrorKind.RateLimited, refused.Error?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(5), time.NextDueIn);
        time.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.Equal(2, server.RequestCount);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await TestClients.Settled(slow)).IsSuccess);
        Assert.Equal(["/slow", "/limited", "/slow"], server.Requests.Select(r => r.Path));
    }

    private static ApiClientOptions OnKey(ScriptedServer server, ManualTimeProvider time, RateLimitRegistry registry, string key)
    {
        var options = TestClients.Options(server, time, breaker: false, registry: registry);
        options.RateLimit.Key = key;
        return options;
    }
}

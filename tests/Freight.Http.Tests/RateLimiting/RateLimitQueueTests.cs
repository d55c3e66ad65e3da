using Freight.TestUtils;

namespace Freight.Http.Tests.RateLimiting;

public sealed class RateLimitQueueTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_call_beyond_a_full_queue_is_refused_locally_without_throwing(int queueLimit)
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var options = TestClients.Options(server, time, breaker: false, registry: registry);
        options.RateLimit.PermitLimit = 1;
        options.RateLimit.QueueLimit = queueLimit;
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("queue"));

        Assert.True((await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")))).IsSuccess);
        var queued = Enumerable.Range(0, queueLimit).Select(_ => client.SendAsync(ApiRequest.Get("items"))).ToArray();
        var refused = await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")));

        Assert.False(refused.IsSuccess);
        Assert.Equal(ApiErrorKind.RateLimited, refused.Error.Kind);
        Assert.Null(refused.StatusCode);
        Assert.Equal(0, refused.Error.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(queueLimit + 1), refused.Error.RetryAfter);
        Assert.IsType<ApiRateLimitException>(refused.Error.ToException());
        Assert.All(queued, call => Assert.False(call.IsCompleted));
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromSeconds(queueLimit));
        Assert.All(await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(10)), result => Assert.True(result.IsSuccess));
        Assert.Equal(1 + queueLimit, server.RequestCount);
    }

    [Fact]
    public async Task A_refused_typed_call_throws_ApiRateLimitException_only_when_unwrapped()
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var options = TestClients.Options(server, time, breaker: false, registry: registry);
        options.RateLimit.PermitLimit = 1;
        options.RateLimit.QueueLimit = 0;
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("queue-typed"));

        await TestClients.Settled(client.GetAsync<Dictionary<string, object>>("items"));
        var refused = await TestClients.Settled(client.GetAsync<Dictionary<string, object>>("items"));

        Assert.Equal(ApiErrorKind.RateLimited, refused.Error?.Kind);
        Assert.Throws<ApiRateLimitException>(() => refused.Value);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Cancelling_a_queued_call_throws_and_sends_nothing()
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var options = TestClients.Options(server, time, breaker: false, registry: registry);
        options.RateLimit.PermitLimit = 1;
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("queue-cancel"));
        using var cancellation = new CancellationTokenSource();

        await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")));
        var queued = client.SendAsync(ApiRequest.Get("items"), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestClients.Settled(queued));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, server.RequestCount);
    }
}

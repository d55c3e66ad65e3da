using System.Threading.RateLimiting;
using Freight.TestUtils;

namespace Freight.Http.Tests.RateLimiting;

public sealed class CustomLimiterTests
{
    [Fact]
    public async Task A_concurrency_limiter_from_the_factory_holds_the_next_call_until_the_first_completes()
    {
        await using var server = await ScriptedServer.StartAsync();
        var release = new TaskCompletionSource();
        server.Enqueue("/slow", ScriptedResponse.Json("{}").HoldUntil(release.Task));
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var created = new List<string>();
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 10 });
        var options = TestClients.Options(server, time, breaker: false, registry: registry);
        options.RateLimit.Key = TestClients.UniqueName("custom");
        options.RateLimit.LimiterFactory = key =>
        {
            created.Add(key);
            return limiter;
        };
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("custom"));

        var slow = client.SendAsync(ApiRequest.Get("slow"));
        await server.WaitForRequestsAsync(1);
        var next = client.SendAsync(ApiRequest.Get("next"));

        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);
        Assert.False(next.IsCompleted);
        Assert.Equal(1, server.RequestCount);

        release.SetResult();
        Assert.True((await TestClients.Settled(slow)).IsSuccess);
        Assert.True((await TestClients.Settled(next)).IsSuccess);
        Assert.Equal(["/slow", "/next"], server.Requests.Select(r => r.Path));
        Assert.Equal([options.RateLimit.Key], created);
        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task A_limiter_from_the_factory_that_refuses_gives_a_rate_limited_result()
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        var options = TestClients.Options(server, time, breaker: false, registry: registry);
        options.RateLimit.LimiterFactory = _ => limiter;
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("custom-refuse"));
        using var held = await limiter.AcquireAsync();

        var refused = await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")));

        Assert.Equal(ApiErrorKind.RateLimited, refused.Error?.Kind);
        Assert.Equal(0, server.RequestCount);
    }
}

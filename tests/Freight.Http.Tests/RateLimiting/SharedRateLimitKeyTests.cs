using Freight.TestUtils;

namespace Freight.Http.Tests.RateLimiting;

public sealed class SharedRateLimitKeyTests
{
    [Fact]
    public async Task Two_clients_on_one_key_draw_on_one_budget()
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var key = TestClients.UniqueName("shared");
        using var first = ApiClient.Create(OnKey(server, time, registry, key), name: TestClients.UniqueName("first"));
        using var second = ApiClient.Create(OnKey(server, time, registry, key), name: TestClients.UniqueName("second"));

        var firstCall = await TestClients.Settled(first.SendAsync(ApiRequest.Get("from-first")));
        var secondCall = second.SendAsync(ApiRequest.Get("from-second"));

        Assert.True(firstCall.IsSuccess);
        Assert.False(secondCall.IsCompleted);
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await TestClients.Settled(secondCall)).IsSuccess);
        Assert.Equal(["/from-first", "/from-second"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Clients_on_different_keys_have_separate_budgets()
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        using var first = ApiClient.Create(OnKey(server, time, registry, TestClients.UniqueName("a")), name: TestClients.UniqueName("first"));
        using var second = ApiClient.Create(OnKey(server, time, registry, TestClients.UniqueName("b")), name: TestClients.UniqueName("second"));

        // One permit per key and no virtual time passes: both calls go out only if the budgets are separate.
        var results = await Task.WhenAll(first.SendAsync(ApiRequest.Get("a")), second.SendAsync(ApiRequest.Get("b")))
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(results, result => Assert.True(result.IsSuccess));
        Assert.Equal(2, server.RequestCount);
    }

    private static ApiClientOptions OnKey(ScriptedServer server, ManualTimeProvider time, RateLimitRegistry registry, string key)
    {
        var options = TestClients.Options(server, time, breaker: false, registry: registry);
        options.RateLimit.PermitLimit = 1;
        options.RateLimit.Key = key;
        return options;
    }
}

using Freight.TestUtils;

namespace Freight.Http.Tests.RateLimiting;

public sealed class RateLimitPacingTests
{
    [Theory]
    [InlineData(null, 2)]
    [InlineData(1, 1)]
    public async Task Calls_beyond_the_burst_reach_the_server_one_per_token_interval(int? burst, int sentAtOnce)
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var options = TestClients.Options(server, time, breaker: false, registry: registry);
        options.RateLimit.PermitLimit = 2;
        options.RateLimit.Period = TimeSpan.FromSeconds(1);
        options.RateLimit.Burst = burst;
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("pacing"));

        var calls = Enumerable.Range(0, 5).Select(i => client.SendAsync(ApiRequest.Get($"items/{i}"))).ToArray();

        // The burst goes out at once; the rest wait for tokens, which only virtual time brings back.
        await Task.WhenAll(calls[..sentAtOnce]).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(sentAtOnce, server.RequestCount);
        Assert.All(calls[sentAtOnce..], call => Assert.False(call.IsCompleted));

        // Two permits per second: one token comes back every 500 ms.
        for (var sent = sentAtOnce; sent < calls.Length; sent++)
        {
            time.Advance(TimeSpan.FromMilliseconds(499));
            Assert.False(calls[sent].IsCompleted);
            Assert.Equal(sent, server.RequestCount);

            time.Advance(TimeSpan.FromMilliseconds(1));
            var result = await TestClients.Settled(calls[sent]);
            Assert.True(result.IsSuccess);
            Assert.Equal(sent + 1, server.RequestCount);
            Assert.All(calls[(sent + 1)..], call => Assert.False(call.IsCompleted));
        }

        // The burst races to the server; queued calls go out oldest first.
        var paths = server.Requests.Select(r => r.Path).ToArray();
        Assert.Equal(Enumerable.Range(0, sentAtOnce).Select(i => $"/items/{i}"), paths[..sentAtOnce].Order());
        Assert.Equal(Enumerable.Range(sentAtOnce, 5 - sentAtOnce).Select(i => $"/items/{i}"), paths[sentAtOnce..]);
    }

    [Fact]
    public async Task Unused_tokens_accumulate_only_up_to_the_burst()
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var options = TestClients.Options(server, time, breaker: false, registry: registry);
        options.RateLimit.PermitLimit = 1;
        options.RateLimit.Burst = 2;
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("burst"));

        Assert.True((await client.SendAsync(ApiRequest.Get("warm-up"))).IsSuccess);
        time.Advance(TimeSpan.FromSeconds(10));

        var calls = Enumerable.Range(0, 4).Select(_ => client.SendAsync(ApiRequest.Get("items"))).ToArray();

        await Task.WhenAll(calls[..2]).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, server.RequestCount);
        Assert.All(calls[2..], call => Assert.False(call.IsCompleted));

        time.Advance(TimeSpan.FromSeconds(1));
        await TestClients.Settled(calls[2]);
        Assert.Equal(4, server.RequestCount);
        Assert.False(calls[3].IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        await TestClients.Settled(calls[3]);
        Assert.Equal(5, server.RequestCount);
    }

    [Fact]
    public async Task A_high_limit_returns_tokens_in_steps_of_ten_milliseconds()
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var options = TestClients.Options(server, time, breaker: false, registry: registry);
        options.RateLimit.PermitLimit = 400;
        options.RateLimit.Burst = 4;
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("steps"));

        var calls = Enumerable.Range(0, 8).Select(_ => client.SendAsync(ApiRequest.Get("items"))).ToArray();
        await Task.WhenAll(calls[..4]).WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromMilliseconds(9));

        Assert.Equal(4, server.RequestCount);
        Assert.All(calls[4..], call => Assert.False(call.IsCompleted));

        // 400 per second is 4 tokens per 10 ms step, not one every 2.5 ms.
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(calls[4..]).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(8, server.RequestCount);
        Assert.Equal([TimeSpan.FromMilliseconds(10)], time.ScheduledDueTimes.Distinct());
    }
}

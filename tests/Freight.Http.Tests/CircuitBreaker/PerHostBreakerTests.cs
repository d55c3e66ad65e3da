using Freight.TestUtils;

namespace Freight.Http.Tests.CircuitBreaker;

public sealed class PerHostBreakerTests
{
    [Fact]
    public async Task Open_breaker_of_one_host_does_not_affect_another_host()
    {
        var time = new ManualTimeProvider();
        await using var failing = await ScriptedServer.StartAsync();
        await using var healthy = await ScriptedServer.StartAsync();
        failing.DefaultResponse = ScriptedResponse.Status(500);
        using var client = ApiClient.Create(BreakerTestOptions.For(time));
        var failingUrl = new Uri(failing.BaseAddress, "shipments").ToString();
        var healthyUrl = new Uri(healthy.BaseAddress, "shipments").ToString();

        await client.SendAsync(ApiRequest.Get(failingUrl));
        await client.SendAsync(ApiRequest.Get(failingUrl));
        var refused = await client.SendAsync(ApiRequest.Get(failingUrl));
        var other = await client.SendAsync(ApiRequest.Get(healthyUrl));

        Assert.Equal(ApiErrorKind.CircuitOpen, refused.Error?.Kind);
        Assert.True(other.IsSuccess, other.Error?.ToString());
        Assert.Equal(2, failing.RequestCount);
        Assert.Equal(1, healthy.RequestCount);
        Assert.Equal(CircuitState.Open, client.GetCircuitState(failing.BaseAddress.Authority));
        Assert.Equal(CircuitState.Closed, client.GetCircuitState(healthy.BaseAddress.Authority));
        Assert.Equal(2, client.CircuitStates.Count);
    }

    [Fact]
    public async Task Key_selector_can_make_hosts_share_one_breaker()
    {
        var time = new ManualTimeProvider();
        await using var failing = await ScriptedServer.StartAsync();
        await using var healthy = await ScriptedServer.StartAsync();
        failing.DefaultResponse = ScriptedResponse.Status(500);
        var options = BreakerTestOptions.For(time);
        options.CircuitBreaker.KeySelector = _ => "carrier-api";
        using var client = ApiClient.Create(options);
        var failingUrl = new Uri(failing.BaseAddress, "shipments").ToString();

        await client.SendAsync(ApiRequest.Get(failingUrl));
        await client.SendAsync(ApiRequest.Get(failingUrl));
        var other = await client.SendAsync(ApiRequest.Get(new Uri(healthy.BaseAddress, "shipments").ToString()));

        Assert.Equal(ApiErrorKind.CircuitOpen, other.Error?.Kind);
        Assert.Equal(0, healthy.RequestCount);
        Assert.Equal(CircuitState.Open, client.GetCircuitState("carrier-api"));
        Assert.Null(client.GetCircuitState(failing.BaseAddress.Authority));
    }

    [Fact]
    public async Task Hosts_beyond_max_keys_share_the_overflow_breaker()
    {
        var time = new ManualTimeProvider();
        await using var first = await ScriptedServer.StartAsync();
        await using var second = await ScriptedServer.StartAsync();
        await using var third = await ScriptedServer.StartAsync();
        second.DefaultResponse = ScriptedResponse.Status(500);
        var options = BreakerTestOptions.For(time);
        options.CircuitBreaker.MaxKeys = 1;
        using var client = ApiClient.Create(options);

        await client.SendAsync(ApiRequest.Get(new Uri(first.BaseAddress, "a").ToString()));
        await client.SendAsync(ApiRequest.Get(new Uri(second.BaseAddress, "b").ToString()));
        await client.SendAsync(ApiRequest.Get(new Uri(second.BaseAddress, "b").ToString()));
        var overflow = await client.SendAsync(ApiRequest.Get(new Uri(third.BaseAddress, "c").ToString()));
        var own = await client.SendAsync(ApiRequest.Get(new Uri(first.BaseAddress, "a").ToString()));

        Assert.Equal(ApiErrorKind.CircuitOpen, overflow.Error?.Kind);
        Assert.Equal(0, third.RequestCount);
        Assert.True(own.IsSuccess, own.Error?.ToString());
        Assert.Equal(2, client.CircuitStates.Count);
    }
}

using System.Collections.Concurrent;
using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.CircuitBreaker;

public sealed class BreakerOpeningTests
{
    [Fact]
    public async Task Breaker_opens_after_the_failure_ratio_and_refuses_calls_without_sending_them()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(500), ScriptedResponse.Status(500));
        var changes = new ConcurrentQueue<(string Key, CircuitState State)>();
        var options = BreakerTestOptions.For(time, server);
        options.CircuitBreaker.OnStateChanged = (key, state) => changes.Enqueue((key, state));
        using var client = ApiClient.Create(options);
        var authority = server.BaseAddress.Authority;

        var first = await client.SendAsync(ApiRequest.Get("shipments"));
        Assert.Equal(CircuitState.Closed, client.GetCircuitState(authority));
        var second = await client.SendAsync(ApiRequest.Get("shipments"));
        var refused = await client.SendAsync(ApiRequest.Get("shipments"));

        Assert.Equal(HttpStatusCode.InternalServerError, first.Error?.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.Error?.StatusCode);
        Assert.Equal(ApiErrorKind.CircuitOpen, refused.Error?.Kind);
        Assert.Null(refused.Error?.StatusCode);
        var exception = Assert.IsType<ApiCircuitOpenException>(refused.Error?.ToException());
        Assert.Equal(BreakerTestOptions.BreakDuration, exception.RetryAfter);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(CircuitState.Open, client.GetCircuitState(authority));
        Assert.Equal(CircuitState.Open, client.CircuitStates[authority]);
        Assert.Equal([(authority, CircuitState.Open)], changes);
    }

    [Fact]
    public async Task Breaker_stays_closed_while_failures_are_below_the_ratio()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Status(500),
            ScriptedResponse.Json("{}"),
            ScriptedResponse.Status(503),
            ScriptedResponse.Json("{}"),
            ScriptedResponse.Status(502));
        var options = BreakerTestOptions.For(time, server);
        options.CircuitBreaker.FailureRatio = 0.75;
        using var client = ApiClient.Create(options);

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(ApiRequest.Get("shipments"));
        }

        var next = await client.SendAsync(ApiRequest.Get("shipments"));

        Assert.True(next.IsSuccess, next.Error?.ToString());
        Assert.Equal(6, server.RequestCount);
        Assert.Equal(CircuitState.Closed, client.GetCircuitState(server.BaseAddress.Authority));
    }

    [Fact]
    public async Task Client_errors_are_not_breaker_failures()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(404);
        using var client = ApiClient.Create(BreakerTestOptions.For(time, server));

        for (var i = 0; i < 5; i++)
        {
            var result = await client.SendAsync(ApiRequest.Get("shipments/missing"));
            Assert.Equal(HttpStatusCode.NotFound, result.Error?.StatusCode);
        }

        Assert.Equal(5, server.RequestCount);
        Assert.Equal(CircuitState.Closed, client.GetCircuitState(server.BaseAddress.Authority));
    }

    [Fact]
    public async Task Network_failures_open_the_breaker()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Abort();
        using var client = ApiClient.Create(BreakerTestOptions.For(time, server));

        var first = await client.SendAsync(ApiRequest.Get("shipments"));
        var second = await client.SendAsync(ApiRequest.Get("shipments"));
        var seen = server.RequestCount;
        var refused = await client.SendAsync(ApiRequest.Get("shipments"));

        Assert.Equal(ApiErrorKind.Network, first.Error?.Kind);
        Assert.Equal(ApiErrorKind.Network, second.Error?.Kind);
        Assert.Equal(ApiErrorKind.CircuitOpen, refused.Error?.Kind);
        Assert.Equal(seen, server.RequestCount);
        Assert.Equal(CircuitState.Open, client.GetCircuitState(server.BaseAddress.Authority));
    }

    [Fact]
    public async Task Open_breaker_is_not_retried()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(503);
        var options = BreakerTestOptions.For(time, server);
        options.Retry.MaxAttempts = 4;
        using var client = ApiClient.Create(options);

        // Two attempts open the breaker; the retry after 400 ms is refused without being sent, and not retried again.
        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("shipments")));

        Assert.Equal(ApiErrorKind.CircuitOpen, result.Error?.Kind);
        Assert.Equal(2, result.Error?.Attempts);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal([200, 400], time.ScheduledDueTimes.Select(delay => delay.TotalMilliseconds));
    }
}

using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.CircuitBreaker;

public sealed class RateLimitFailureTests
{
    [Fact]
    public async Task Too_many_requests_does_not_open_the_breaker_by_default()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(429);
        using var client = ApiClient.Create(BreakerTestOptions.For(time, server));

        for (var i = 0; i < 6; i++)
        {
            var result = await client.SendAsync(ApiRequest.Get("shipments"));
            Assert.Equal(ApiErrorKind.RateLimited, result.Error?.Kind);
            Assert.Equal(HttpStatusCode.TooManyRequests, result.Error?.StatusCode);
        }

        Assert.Equal(6, server.RequestCount);
        Assert.Equal(CircuitState.Closed, client.GetCircuitState(server.BaseAddress.Authority));
    }

    [Fact]
    public async Task Too_many_requests_opens_the_breaker_when_counted_as_failure()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(429);
        var options = BreakerTestOptions.For(time, server);
        options.CircuitBreaker.CountRateLimitAsFailure = true;
        using var client = ApiClient.Create(options);

        await client.SendAsync(ApiRequest.Get("shipments"));
        await client.SendAsync(ApiRequest.Get("shipments"));
        var refused = await client.SendAsync(ApiRequest.Get("shipments"));

        Assert.Equal(ApiErrorKind.CircuitOpen, refused.Error?.Kind);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(CircuitState.Open, client.GetCircuitState(server.BaseAddress.Authority));
    }
}

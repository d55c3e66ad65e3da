using System.Net;
using Freight.TestUtils;
using Polly;
using Polly.CircuitBreaker;

namespace Freight.Http.Tests.CircuitBreaker;

public sealed class CustomBreakerTests
{
    [Fact]
    public async Task Custom_breaker_from_the_factory_replaces_the_built_in_one()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(404);
        var built = new List<string>();
        var options = BreakerTestOptions.For(time, server);
        options.CircuitBreaker.Factory = key =>
        {
            built.Add(key);
            return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
                {
                    // The built-in breaker never counts a 404; this one does, after three in a row.
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.NotFound),
                    FailureRatio = 1.0,
                    MinimumThroughput = 3,
                    BreakDuration = TimeSpan.FromSeconds(20),
                })
                .Build();
        };
        using var client = ApiClient.Create(options);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(ApiRequest.Get("shipments"))).Error?.StatusCode);
        }

        var refused = await client.SendAsync(ApiRequest.Get("shipments"));

        Assert.Equal(ApiErrorKind.CircuitOpen, refused.Error?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(20), refused.Error?.RetryAfter);
        Assert.Equal(3, server.RequestCount);
        Assert.Equal([server.BaseAddress.Authority], built);
    }

    [Fact]
    public async Task Empty_pipeline_from_the_factory_turns_the_breaker_off()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(500);
        var options = BreakerTestOptions.For(time, server);
        options.CircuitBreaker.Factory = _ => ResiliencePipeline<HttpResponseMessage>.Empty;
        using var client = ApiClient.Create(options);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.SendAsync(ApiRequest.Get("shipments"))).Error?.StatusCode);
        }

        Assert.Equal(5, server.RequestCount);
    }

    [Fact]
    public async Task Disabled_breaker_never_opens()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(500);
        var options = BreakerTestOptions.For(time, server);
        options.CircuitBreaker.Enabled = false;
        using var client = ApiClient.Create(options);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.SendAsync(ApiRequest.Get("shipments"))).Error?.StatusCode);
        }

        Assert.Equal(5, server.RequestCount);
        Assert.Null(client.GetCircuitState(server.BaseAddress.Authority));
    }
}

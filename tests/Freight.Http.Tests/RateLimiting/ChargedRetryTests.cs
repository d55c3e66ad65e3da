using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Freight.TestUtils;
using Microsoft.AspNetCore.Http;

namespace Freight.Http.Tests.RateLimiting;

public sealed class ChargedRetryTests
{
    [Theory]
    [InlineData(false, 200)]
    [InlineData(true, 1000)]
    public async Task A_retry_waits_for_a_token_of_its_own_only_when_retries_are_charged(bool chargeRetries, int retrySentAtMs)
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        var start = time.GetUtcNow();
        var arrivals = new ConcurrentQueue<TimeSpan>();
        server.Map("/items", context =>
        {
            arrivals.Enqueue(time.GetUtcNow() - start);
            context.Response.StatusCode = arrivals.Count == 1 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        var options = TestClients.Options(server, time, maxAttempts: 2, breaker: false);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
        options.RateLimit.PermitLimit = 1;
        options.RateLimit.Burst = 1;
        options.RateLimit.ChargeRetries = chargeRetries;
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("charged-retry"));

        var call = client.SendAsync(ApiRequest.Get("items"));
        await time.WaitForPendingTimerAsync(due => due == TimeSpan.FromMilliseconds(200), TestClients.RealTimeLimit);
        time.Advance(TimeSpan.FromMilliseconds(200));
        if (chargeRetries)
        {
            // The only token after the first comes back at 1 s: however soon the retry asks, it goes out then.
            time.Advance(TimeSpan.FromMilliseconds(800));
        }

        var result = await TestClients.Settled(call);

        Assert.True(result.IsSuccess);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(retrySentAtMs)], arrivals);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task A_call_that_is_retried_takes_one_permit_or_one_per_attempt(bool chargeRetries, long permits)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        var time = new ManualTimeProvider();
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 2, QueueLimit = 0 });
        var options = TestClients.Options(server, time, maxAttempts: 2, breaker: false);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
        options.RateLimit.LimiterFactory = _ => limiter;
        options.RateLimit.ChargeRetries = chargeRetries;
        using var client = ApiClient.Create(options, name: TestClients.UniqueName("charged-permits"));

        var call = client.SendAsync(ApiRequest.Get("items"));
        await time.WaitForPendingTimerAsync(due => due == TimeSpan.FromMilliseconds(200), TestClients.RealTimeLimit);
        time.Advance(TimeSpan.FromMilliseconds(200));
        var result = await TestClients.Settled(call);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(permits, limiter.GetStatistics()!.TotalSuccessfulLeases);
    }
}

using System.Collections.Concurrent;
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
}

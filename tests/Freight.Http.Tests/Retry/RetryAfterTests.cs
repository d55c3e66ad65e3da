using System.Globalization;
using Freight.TestUtils;
using Microsoft.AspNetCore.Http;

namespace Freight.Http.Tests.Retry;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Retry_honours_Retry_After_seconds_instead_of_the_backoff()
    {
        var time = new ManualTimeProvider();

        var (result, requests) = await RetryCalls.GetAnsweredFirstBy(ScriptedResponse.Status(503).WithHeader("Retry-After", "3"), time);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, requests);
        Assert.Equal([TimeSpan.FromSeconds(3)], time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Retry_honours_Retry_After_as_an_http_date()
    {
        var time = new ManualTimeProvider(Start);
        var retryAt = Start.AddSeconds(5).ToString("R", CultureInfo.InvariantCulture);

        var (result, _) = await RetryCalls.GetAnsweredFirstBy(ScriptedResponse.Status(503).WithHeader("Retry-After", retryAt), time);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([TimeSpan.FromSeconds(5)], time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Retry_After_date_with_a_fractional_remainder_is_rounded_up_so_the_retry_is_never_early()
    {
        var time = new ManualTimeProvider(Start.AddMilliseconds(300));
        var named = Start.AddSeconds(5);
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue("/shipments", ScriptedResponse.Status(503).WithHeader("Retry-After", named.ToString("R", CultureInfo.InvariantCulture)));
        var retriedAt = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Map("/shipments", context =>
        {
            retriedAt.TrySetResult(time.GetUtcNow());
            return context.Response.WriteAsync("{}");
        });
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("shipments")));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([TimeSpan.FromSeconds(5)], time.ScheduledDueTimes);
        Assert.True(await retriedAt.Task >= named, $"retried at {await retriedAt.Task:O}, before {named:O}");
    }

    [Fact]
    public async Task Retry_honours_X_RateLimit_Reset_in_seconds()
    {
        var time = new ManualTimeProvider();

        var (result, requests) = await RetryCalls.GetAnsweredFirstBy(ScriptedResponse.Status(429).WithHeader("X-RateLimit-Reset", "4"), time);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, requests);
        Assert.Equal([TimeSpan.FromSeconds(4)], time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Retry_honours_X_RateLimit_Reset_as_unix_time()
    {
        var time = new ManualTimeProvider(Start.AddMilliseconds(250));
        var reset = Start.AddSeconds(6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var (result, _) = await RetryCalls.GetAnsweredFirstBy(ScriptedResponse.Status(429).WithHeader("X-RateLimit-Reset", reset), time);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([TimeSpan.FromSeconds(6)], time.ScheduledDueTimes);
    }

    [Fact]
    public async Task X_RateLimit_Reset_on_a_response_other_than_429_does_not_replace_the_backoff()
    {
        // APIs such as GitHub send their quota window's reset time on every response, not only when rate limited.
        var time = new ManualTimeProvider(Start);
        var windowReset = Start.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var (result, requests) = await RetryCalls.GetAnsweredFirstBy(ScriptedResponse.Status(503).WithHeader("X-RateLimit-Reset", windowReset), time);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, requests);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Retry_After_is_ignored_when_RespectRetryAfter_is_off()
    {
        var time = new ManualTimeProvider();

        var (result, _) = await RetryCalls.GetAnsweredFirstBy(
            ScriptedResponse.Status(503).WithHeader("Retry-After", "3"),
            time,
            options => options.Retry.RespectRetryAfter = false);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([TimeSpan.FromMilliseconds(200)], time.ScheduledDueTimes);
    }
}

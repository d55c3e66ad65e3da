using System.Globalization;
using Freight.TestUtils;
using Microsoft.AspNetCore.Http;

namespace Freight.Http.Tests.Retry;

/// <summary>A retry is never sent before the moment the server named, even when the timer that waits for it fires early.</summary>
public sealed class EarlyTimerRetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Retry_After_seconds_is_honoured_when_timers_fire_early()
    {
        var (answeredAt, retriedAt) = await RetryTimes(ScriptedResponse.Status(503).WithHeader("Retry-After", "1"), Start);

        AssertNotBefore(answeredAt + TimeSpan.FromSeconds(1), retriedAt);
    }

    [Fact]
    public async Task Retry_After_on_a_429_is_honoured_when_timers_fire_early()
    {
        var (answeredAt, retriedAt) = await RetryTimes(ScriptedResponse.Status(429).WithHeader("Retry-After", "1"), Start);

        AssertNotBefore(answeredAt + TimeSpan.FromSeconds(1), retriedAt);
    }

    [Fact]
    public async Task Retry_After_http_date_is_honoured_when_timers_fire_early()
    {
        var named = Start.AddSeconds(5);
        var header = named.ToString("R", CultureInfo.InvariantCulture);

        var (_, retriedAt) = await RetryTimes(ScriptedResponse.Status(503).WithHeader("Retry-After", header), Start);

        AssertNotBefore(named, retriedAt);
    }

    [Fact]
    public async Task X_RateLimit_Reset_seconds_is_honoured_when_timers_fire_early()
    {
        var (answeredAt, retriedAt) = await RetryTimes(ScriptedResponse.Status(429).WithHeader("X-RateLimit-Reset", "1"), Start);

        AssertNotBefore(answeredAt + TimeSpan.FromSeconds(1), retriedAt);
    }

    [Fact]
    public async Task X_RateLimit_Reset_unix_time_is_honoured_when_timers_fire_early()
    {
        var named = Start.AddSeconds(2);
        var reset = named.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var (_, retriedAt) = await RetryTimes(ScriptedResponse.Status(429).WithHeader("X-RateLimit-Reset", reset), Start);

        AssertNotBefore(named, retriedAt);
    }

    [Fact]
    public async Task The_pause_of_a_429_holds_the_retry_when_timers_fire_early_and_Retry_After_is_not_respected()
    {
        // The retry's own delay ignores the header; the key's pause still names the moment, and binds the retry too.
        var (answeredAt, retriedAt) = await RetryTimes(
            ScriptedResponse.Status(429).WithHeader("Retry-After", "2"),
            Start,
            options => options.Retry.RespectRetryAfter = false);

        AssertNotBefore(answeredAt + TimeSpan.FromSeconds(2), retriedAt);
    }

    private static void AssertNotBefore(DateTimeOffset named, DateTimeOffset retriedAt) =>
        Assert.True(retriedAt >= named, $"retried at {retriedAt:O}, {(named - retriedAt).TotalMilliseconds} ms before {named:O}");

    /// <summary>
    /// When the server answered <paramref name="first"/> and when the retry reached it, on a clock whose timers fire
    /// early. The clock only moves to a pending timer, and none is pending before the first answer: it came at <paramref name="start"/>.
    /// </summary>
    private static async Task<(DateTimeOffset AnsweredAt, DateTimeOffset RetriedAt)> RetryTimes(
        ScriptedResponse first, DateTimeOffset start, Action<ApiClientOptions>? configure = null)
    {
        var clock = new ManualTimeProvider(start);
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue("/shipments", first);
        var retriedAt = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Map("/shipments", context =>
        {
            retriedAt.TrySetResult(clock.GetUtcNow());
            return context.Response.WriteAsync("{}");
        });
        var options = TestClients.Options(server, new EarlyTimers(clock), maxAttempts: 2);
        configure?.Invoke(options);
        using var client = ApiClient.Create(options);

        var result = await clock.RunAsync(client.SendAsync(ApiRequest.Get("shipments")));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, server.RequestCount);
        return (start, await retriedAt.Task);
    }
}

using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.Retry;

/// <summary>A server-named wait is honoured only when it fits MaxDelay and what is left of the total timeout.</summary>
public sealed class RetryAfterFailFastTests
{
    [Fact]
    public async Task Retry_After_equal_to_the_max_delay_is_waited()
    {
        var time = new ManualTimeProvider();

        var (result, _) = await RetryCalls.GetAnsweredFirstBy(
            ScriptedResponse.Status(429).WithHeader("Retry-After", "5"),
            time,
            options => options.Retry.MaxDelay = TimeSpan.FromSeconds(5));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([TimeSpan.FromSeconds(5)], time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Retry_After_longer_than_the_max_delay_fails_at_once_with_a_rate_limit_error()
    {
        var time = new ManualTimeProvider();

        var (result, requests) = await RetryCalls.GetAnsweredFirstBy(ScriptedResponse.Status(429).WithHeader("Retry-After", "60"), time);

        Assert.Equal(ApiErrorKind.RateLimited, result.Error?.Kind);
        Assert.Equal(HttpStatusCode.TooManyRequests, result.Error?.StatusCode);
        Assert.Equal(1, result.Error?.Attempts);
        var exception = Assert.IsType<ApiRateLimitException>(result.Error?.ToException());
        Assert.Equal(TimeSpan.FromSeconds(60), exception.RetryAfter);
        Assert.Equal(1, requests);
        Assert.Empty(time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Retry_After_on_a_503_longer_than_the_max_delay_fails_at_once_with_the_503()
    {
        var time = new ManualTimeProvider();

        var (result, requests) = await RetryCalls.GetAnsweredFirstBy(ScriptedResponse.Status(503).WithHeader("Retry-After", "120"), time);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.Error?.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), result.Error?.RetryAfter);
        Assert.IsType<ApiHttpException>(result.Error?.ToException());
        Assert.Equal(1, requests);
        Assert.Empty(time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Retry_After_longer_than_what_is_left_of_the_total_timeout_fails_at_once()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(429).WithHeader("Retry-After", "20"), ScriptedResponse.Json("{}"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4, attemptTimeout: TimeSpan.FromSeconds(5), totalTimeout: TimeSpan.FromSeconds(10)));

        var result = await client.SendAsync(ApiRequest.Get("shipments")).WaitAsync(TimeSpan.FromSeconds(10));

        var exception = Assert.IsType<ApiRateLimitException>(result.Error?.ToException());
        Assert.Equal(TimeSpan.FromSeconds(20), exception.RetryAfter);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal([TimeSpan.FromSeconds(5)], time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Retry_After_equal_to_what_is_left_of_the_total_timeout_fails_at_once()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503).WithHeader("Retry-After", "10"), ScriptedResponse.Json("{}"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4, attemptTimeout: TimeSpan.FromSeconds(5), totalTimeout: TimeSpan.FromSeconds(10)));

        var result = await client.SendAsync(ApiRequest.Get("shipments")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.Error?.StatusCode);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal([TimeSpan.FromSeconds(5)], time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Retry_After_that_fits_the_total_timeout_is_waited()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(429).WithHeader("Retry-After", "8"), ScriptedResponse.Json("{}"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4, attemptTimeout: TimeSpan.FromSeconds(5), totalTimeout: TimeSpan.FromSeconds(10)));

        var call = client.SendAsync(ApiRequest.Get("shipments"));
        // Driven by hand: RunAsync would jump past the retry to the total timeout before the second attempt answers.
        await time.WaitForPendingTimerAsync(dueIn => dueIn == TimeSpan.FromSeconds(8));
        time.Advance(TimeSpan.FromSeconds(8));
        var result = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, server.RequestCount);
        Assert.Contains(TimeSpan.FromSeconds(8), time.ScheduledDueTimes);
    }
}

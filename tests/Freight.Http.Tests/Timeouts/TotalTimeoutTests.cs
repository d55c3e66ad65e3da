using Freight.TestUtils;

namespace Freight.Http.Tests.Timeouts;

public sealed class TotalTimeoutTests
{
    [Fact]
    public async Task Total_timeout_ends_the_call_across_retries()
    {
        var time = new ManualTimeProvider();
        var never = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Json("{}").HoldUntil(never.Task);
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 10, attemptTimeout: TimeSpan.FromSeconds(2), totalTimeout: TimeSpan.FromSeconds(5)));

        // Attempts at 0 s, 2.2 s and 4.6 s; the third gets only the 0.4 s left of the total, and ends at 5 s.
        var call = client.SendAsync(ApiRequest.Get("shipments"));
        await server.WaitForRequestsAsync(1);
        time.Advance(TimeSpan.FromSeconds(2));
        await time.WaitForPendingTimerAsync(dueIn => dueIn == TimeSpan.FromMilliseconds(200));
        time.Advance(TimeSpan.FromMilliseconds(200));
        await server.WaitForRequestsAsync(2);
        await time.WaitForPendingTimerAsync(dueIn => dueIn == TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(2));
        await time.WaitForPendingTimerAsync(dueIn => dueIn == TimeSpan.FromMilliseconds(400));
        time.Advance(TimeSpan.FromMilliseconds(400));
        await server.WaitForRequestsAsync(3);
        await time.WaitForPendingTimerAsync(dueIn => dueIn == TimeSpan.FromMilliseconds(400));
        time.Advance(TimeSpan.FromMilliseconds(400));
        var result = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ApiErrorKind.Timeout, result.Error?.Kind);
        Assert.Contains("total timeout of 5 s", result.Error?.Message, StringComparison.Ordinal);
        Assert.IsType<ApiTimeoutException>(result.Error?.ToException());
        Assert.Equal(3, result.Error?.Attempts);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Total_timeout_equal_to_the_attempt_timeout_ends_a_held_call_after_one_request()
    {
        var time = new ManualTimeProvider();
        var never = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Json("{}").HoldUntil(never.Task);
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4, attemptTimeout: TimeSpan.FromSeconds(5), totalTimeout: TimeSpan.FromSeconds(5)));

        var call = client.SendAsync(ApiRequest.Get("shipments"));
        await server.WaitForRequestsAsync(1);
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ApiErrorKind.Timeout, result.Error?.Kind);
        Assert.Contains("total timeout of 5 s", result.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.Error?.Attempts);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Backoff_delay_that_would_pass_the_total_timeout_ends_the_call_at_once()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(503);
        var options = TestClients.Options(server, time, maxAttempts: 4, attemptTimeout: TimeSpan.FromSeconds(1), totalTimeout: TimeSpan.FromSeconds(3));
        options.Retry.BaseDelay = TimeSpan.FromSeconds(10);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        using var client = ApiClient.Create(options);

        var result = await client.SendAsync(ApiRequest.Get("shipments")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ApiErrorKind.Timeout, result.Error?.Kind);
        Assert.Contains("total timeout of 3 s", result.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("the last attempt answered 503", result.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.Error?.Attempts);
        Assert.Equal(1, server.RequestCount);
        Assert.DoesNotContain(TimeSpan.FromSeconds(10), time.ScheduledDueTimes);
        Assert.Equal(0, time.PendingTimerCount);
    }
}

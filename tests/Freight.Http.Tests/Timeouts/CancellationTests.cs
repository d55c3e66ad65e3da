using Freight.TestUtils;

namespace Freight.Http.Tests.Timeouts;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelling_while_a_response_is_held_throws_and_does_not_retry()
    {
        var time = new ManualTimeProvider();
        var never = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Json("{}").HoldUntil(never.Task);
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4, attemptTimeout: TimeSpan.FromSeconds(5), totalTimeout: TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource();

        var call = client.GetAsync<Dictionary<string, int>>("shipments", cancellation.Token);
        await server.WaitForRequestsAsync(1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, server.RequestCount);
        Assert.DoesNotContain(TimeSpan.FromMilliseconds(200), time.ScheduledDueTimes);
        Assert.Equal(0, time.PendingTimerCount);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_delay_throws_and_stops_retrying()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(503);
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4, attemptTimeout: TimeSpan.FromSeconds(5), totalTimeout: TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource();

        var call = client.SendAsync(ApiRequest.Get("shipments"), cancellation.Token);
        await time.WaitForPendingTimerAsync(dueIn => dueIn == TimeSpan.FromMilliseconds(200));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, time.PendingTimerCount);
    }

    [Fact]
    public async Task Already_cancelled_token_sends_nothing()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4, attemptTimeout: TimeSpan.FromSeconds(5), totalTimeout: TimeSpan.FromSeconds(30)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.SendAsync(ApiRequest.Get("shipments"), new CancellationToken(canceled: true)).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Cancellation_is_not_reported_as_a_timeout_result()
    {
        var time = new ManualTimeProvider();
        var never = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Json("{}").HoldUntil(never.Task);
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));
        using var cancellation = new CancellationTokenSource();

        var call = client.SendAsync(ApiRequest.Get("shipments"), cancellation.Token);
        await server.WaitForRequestsAsync(1);
        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.Equal(1, server.RequestCount);
    }
}

using Freight.TestUtils;

namespace Freight.Http.Tests.Timeouts;

public sealed class AttemptTimeoutTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Attempt_that_outlives_the_attempt_timeout_is_abandoned_and_retried()
    {
        var time = new ManualTimeProvider();
        var never = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"id":1}""").HoldUntil(never.Task), ScriptedResponse.Json("""{"id":2}"""));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4, attemptTimeout: AttemptTimeout, totalTimeout: TimeSpan.FromSeconds(30)));

        var call = client.GetAsync<Dictionary<string, int>>("shipments");
        await TimeOutAttemptAsync(server, time, attempt: 1);
        await PassFirstBackoffAsync(time);
        var result = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, result.Value["id"]);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Attempt_timeout_on_every_attempt_ends_as_a_timeout_error_after_max_attempts()
    {
        var time = new ManualTimeProvider();
        var never = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Json("{}").HoldUntil(never.Task);
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 2, attemptTimeout: AttemptTimeout, totalTimeout: TimeSpan.FromSeconds(30)));

        var call = client.SendAsync(ApiRequest.Get("shipments"));
        await TimeOutAttemptAsync(server, time, attempt: 1);
        await PassFirstBackoffAsync(time);
        await TimeOutAttemptAsync(server, time, attempt: 2);
        var result = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ApiErrorKind.Timeout, result.Error?.Kind);
        Assert.Equal(2, result.Error?.Attempts);
        Assert.Contains("no attempt finished within 2 s", result.Error?.Message, StringComparison.Ordinal);
        Assert.IsType<ApiTimeoutException>(result.Error?.ToException());
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Attempt_timeout_covers_reading_the_body_of_a_buffered_call()
    {
        var time = new ManualTimeProvider();
        var never = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Chunked("application/json", "[1,"u8.ToArray(), never.Task, "2]"u8.ToArray()),
            ScriptedResponse.Json("[3]"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4, attemptTimeout: AttemptTimeout, totalTimeout: TimeSpan.FromSeconds(30)));

        var call = client.GetAsync<int[]>("numbers");
        await TimeOutAttemptAsync(server, time, attempt: 1);
        await PassFirstBackoffAsync(time);
        var result = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([3], result.Value);
        Assert.Equal(2, server.RequestCount);
    }

    /// <summary>Waits until the server holds attempt number <paramref name="attempt"/>, then lets its attempt timeout pass.</summary>
    private static async Task TimeOutAttemptAsync(ScriptedServer server, ManualTimeProvider time, int attempt)
    {
        await server.WaitForRequestsAsync(attempt);
        await time.WaitForPendingTimerAsync(dueIn => dueIn == AttemptTimeout);
        time.Advance(AttemptTimeout);
    }

    /// <summary>Lets the 200 ms backoff before the first retry pass.</summary>
    private static async Task PassFirstBackoffAsync(ManualTimeProvider time)
    {
        await time.WaitForPendingTimerAsync(dueIn => dueIn == TimeSpan.FromMilliseconds(200));
        time.Advance(TimeSpan.FromMilliseconds(200));
    }
}

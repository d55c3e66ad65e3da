using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.Retry;

public sealed class RetryScheduleTests
{
    [Fact]
    public async Task Retries_follow_the_jittered_backoff_schedule_until_success()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Status(503),
            ScriptedResponse.Status(503),
            ScriptedResponse.Status(503),
            ScriptedResponse.Json("""{"id":7}"""));
        var options = TestClients.Options(server, time, maxAttempts: 4);
        options.Retry.JitterFactor = 0.25;
        options.Retry.Randomizer = () => 0.75; // +12.5 %
        using var client = ApiClient.Create(options);

        var result = await time.RunAsync(client.GetAsync<Dictionary<string, int>>("shipments/7"));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(7, result.Value["id"]);
        Assert.Equal(4, server.RequestCount);
        Assert.Equal(
            [TimeSpan.FromMilliseconds(225), TimeSpan.FromMilliseconds(450), TimeSpan.FromMilliseconds(900)],
            time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Gives_up_after_max_attempts_with_the_final_response()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Json("""{"error":"busy"}""", 503);
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));

        var result = await time.RunAsync(client.GetAsync<Dictionary<string, string>>("shipments"));

        Assert.False(result.IsSuccess);
        Assert.Equal(ApiErrorKind.Http, result.Error.Kind);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.Error.StatusCode);
        Assert.Equal(4, result.Error.Attempts);
        Assert.Equal(4, server.RequestCount);
        Assert.Equal([200, 400, 800], time.ScheduledDueTimes.Select(delay => delay.TotalMilliseconds));
        var exception = Assert.Throws<ApiHttpException>(() => result.Value);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Contains("busy", exception.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_attempts_of_one_makes_a_single_request()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(503);
        using var client = ApiClient.Create(TestClients.Options(server, time));

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("shipments")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.Error?.StatusCode);
        Assert.Equal(1, result.Error?.Attempts);
        Assert.Equal(1, server.RequestCount);
        Assert.Empty(time.ScheduledDueTimes);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(501)]
    public async Task Status_not_in_the_retry_list_makes_one_request(int status)
    {
        var time = new ManualTimeProvider();

        var (result, requests) = await RetryCalls.GetAnsweredFirstBy(ScriptedResponse.Status(status), time);

        Assert.Equal(ApiErrorKind.Http, result.Error?.Kind);
        Assert.Equal((HttpStatusCode)status, result.Error?.StatusCode);
        Assert.Equal(1, requests);
        Assert.Empty(time.ScheduledDueTimes);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Status_in_the_retry_list_is_retried(int status)
    {
        var time = new ManualTimeProvider();

        var (result, requests) = await RetryCalls.GetAnsweredFirstBy(
            ScriptedResponse.Status(status),
            time,
            options => options.RateLimit.PauseOnTooManyRequests = false);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, requests);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Aborted_connection_is_retried()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Abort(), ScriptedResponse.Json("""{"id":1}"""));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));

        var result = await time.RunAsync(client.GetAsync<Dictionary<string, int>>("shipments/1"));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(1, result.Value["id"]);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], time.ScheduledDueTimes);
    }

    [Fact]
    public async Task Truncated_body_is_retried_for_buffered_calls()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Truncated(1000, new byte[10]), ScriptedResponse.Json("""{"id":2}"""));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));

        var result = await time.RunAsync(client.GetAsync<Dictionary<string, int>>("shipments/2"));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, result.Value["id"]);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Network_failure_on_every_attempt_ends_as_a_network_error()
    {
        var time = new ManualTimeProvider();
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Abort();
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4));

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("shipments")));

        Assert.Equal(ApiErrorKind.Network, result.Error?.Kind);
        Assert.Equal(4, result.Error?.Attempts);
        Assert.IsType<ApiNetworkException>(result.Error?.ToException());
    }
}

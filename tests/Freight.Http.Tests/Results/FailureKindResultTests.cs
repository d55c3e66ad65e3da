using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.Results;

public sealed class FailureKindResultTests
{
    [Fact]
    public async Task Final_429_with_a_wait_longer_than_MaxDelay_fails_at_once_as_rate_limited()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"error":"rate_limited"}""", status: 429).WithHeader("Retry-After", "120"));
        var time = new ManualTimeProvider();
        var options = TestClients.Options(server, time, maxAttempts: 4);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        using var client = ApiClient.Create(options);

        var result = await client.GetAsync<Company>("companies");

        var exception = FailedResultAssert.Fails<Company, ApiRateLimitException>(result, ApiErrorKind.RateLimited);
        Assert.Equal(HttpStatusCode.TooManyRequests, result.Error!.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.Equal("""{"error":"rate_limited"}""", result.Error.Body);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), time.GetUtcNow());
    }

    [Fact]
    public async Task Aborted_connection_fails_as_network_error()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Abort());
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<Company>("companies");

        FailedResultAssert.Fails<Company, ApiNetworkException>(result, ApiErrorKind.Network);
        Assert.Null(result.Error!.StatusCode);
        Assert.IsType<HttpRequestException>(result.Error.Exception);
        Assert.Equal(1, result.Error.Attempts);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Held_response_past_the_attempt_timeout_fails_as_timeout()
    {
        await using var server = await ScriptedServer.StartAsync();
        var neverReleased = new TaskCompletionSource();
        server.Enqueue(ScriptedResponse.Json("{}").HoldUntil(neverReleased.Task));
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time, attemptTimeout: TimeSpan.FromSeconds(5), totalTimeout: TimeSpan.FromMinutes(1)));

        var call = client.GetAsync<Company>("companies");
        await server.WaitForRequestsAsync(1);
        await time.WaitForPendingTimerAsync(dueIn => dueIn == TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await call.WaitAsync(TimeSpan.FromSeconds(10));

        FailedResultAssert.Fails<Company, ApiTimeoutException>(result, ApiErrorKind.Timeout);
        Assert.Null(result.Error!.StatusCode);
        Assert.NotNull(result.Error.Exception);
        Assert.Contains("5 s", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_on_an_open_breaker_fails_as_circuit_open_without_reaching_the_server()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(500), ScriptedResponse.Status(500));
        var options = TestClients.Options(server);
        options.CircuitBreaker.MinimumThroughput = 2;
        options.CircuitBreaker.FailureRatio = 1;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        using var client = ApiClient.Create(options);

        Assert.Equal(ApiErrorKind.Http, (await client.GetAsync<Company>("companies")).Error?.Kind);
        Assert.Equal(ApiErrorKind.Http, (await client.GetAsync<Company>("companies")).Error?.Kind);
        var result = await client.GetAsync<Company>("companies");

        var exception = FailedResultAssert.Fails<Company, ApiCircuitOpenException>(result, ApiErrorKind.CircuitOpen);
        Assert.Equal(TimeSpan.FromSeconds(30), exception.RetryAfter);
        Assert.Null(result.Error!.StatusCode);
        Assert.Equal(CircuitState.Open, client.GetCircuitState(server.BaseAddress.Authority));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Bad_json_fails_as_validation_error()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"id":"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<Company>("companies/1");

        var exception = FailedResultAssert.Fails<Company, ApiValidationException>(result, ApiErrorKind.Validation);
        Assert.Equal(HttpStatusCode.OK, result.Error!.StatusCode);
        Assert.Equal(result.Error.ValidationErrors, exception.Errors);
        Assert.NotEmpty(exception.Errors);
    }

    private sealed record Company(int Id, string Name);
}

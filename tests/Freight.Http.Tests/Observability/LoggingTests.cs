using Freight.TestUtils;
using Microsoft.Extensions.Logging;

namespace Freight.Http.Tests.Observability;

public sealed class LoggingTests
{
    private const string Category = "Freight.Http.ApiClient";

    [Fact]
    public async Task Retried_attempts_are_warnings_and_only_the_final_failure_is_an_error()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Status(502), ScriptedResponse.Status(500));
        var time = new ManualTimeProvider();
        var logs = new RecordingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 3), loggerFactory);

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("companies")));

        Assert.Equal(ApiErrorKind.Http, result.Error?.Kind);
        var entries = logs.Entries.Where(entry => entry.Category == Category).ToList();
        Assert.Equal([LogLevel.Warning, LogLevel.Warning, LogLevel.Error], entries.Select(entry => entry.Level));
        Assert.Equal("Attempt 1 of GET /companies failed with 503; retrying in 00:00:00.2000000", entries[0].Message);
        Assert.Equal("Attempt 2 of GET /companies failed with 502; retrying in 00:00:00.4000000", entries[1].Message);
        Assert.StartsWith("GET /companies failed after 3 attempt(s): Http", entries[2].Message, StringComparison.Ordinal);
        Assert.Contains("500", entries[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_that_succeeds_after_a_retry_logs_a_warning_and_no_error()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Abort(), ScriptedResponse.Json("{}"));
        var time = new ManualTimeProvider();
        var logs = new RecordingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 3), loggerFactory);

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("companies")));

        Assert.True(result.IsSuccess);
        var entry = Assert.Single(logs.Entries, entry => entry.Category == Category);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.StartsWith("Attempt 1 of GET /companies failed with HttpRequestException", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_secret_from_the_query_or_the_authorization_header_reaches_any_log()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Status(429).WithHeader("Retry-After", "1"),
            ScriptedResponse.Json("""{"error":"unavailable"}""", status: 503),
            ScriptedResponse.Abort(),
            ScriptedResponse.Json("""{"error":"server"}""", status: 500));
        var time = new ManualTimeProvider();
        var logs = new RecordingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var options = TestClients.Options(server, time, maxAttempts: 4);
        options.Auth = ApiAuth.Bearer("tok-SECRET-bearer");
        options.Hooks.Add(new LoggingHook(loggerFactory.CreateLogger("Freight.Http.Hooks")));
        // The 429 is not a breaker failure, so the breaker opens on the fourth attempt: 3 failures out of 4.
        options.CircuitBreaker.MinimumThroughput = 3;
        options.CircuitBreaker.FailureRatio = 0.75;
        using var client = ApiClient.Create(options, loggerFactory);

        var request = ApiRequest.Get("contacts")
            .WithQuery("api_key", "key-SECRET-query")
            .WithHeader("X-Api-Key", "hdr-SECRET-header");
        var result = await time.RunAsync(client.SendAsync(request));

        Assert.False(result.IsSuccess);
        Assert.Equal(4, server.RequestCount);
        Assert.All(server.Requests, sent => Assert.Equal("Bearer tok-SECRET-bearer", sent.Headers["Authorization"]));
        Assert.All(server.Requests, sent => Assert.Equal("?api_key=key-SECRET-query", sent.QueryString));
        var entries = logs.Entries;
        Assert.Contains(entries, entry => entry.Level == LogLevel.Debug && entry.Message.Contains("/contacts", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Level == LogLevel.Information && entry.Message.Contains("paused", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Message.Contains("Circuit breaker", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Message.Contains("HttpRequestException", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Level == LogLevel.Error);
        foreach (var text in entries.SelectMany(entry => entry.AllText()))
        {
            Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        }
    }
}

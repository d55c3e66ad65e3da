using System.Net;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Faults;
using Freight.Sandbox.Tests.Affinity;
using Freight.TestUtils;

namespace Freight.Sandbox.Tests.Faults;

public sealed class FaultAnswerTests
{
    private static FaultOptions Everywhere(FaultProfile profile) => new() { Seed = 11, Default = profile };

    [Fact]
    public async Task Injected_5xx_and_429_use_Affinity_error_bodies_and_leave_the_request_unprocessed()
    {
        await using var harness = await SimulatorHarness.StartAsync(options: new AffinitySimulatorOptions
        {
            Faults = Everywhere(new FaultProfile { ServerErrors = 0.5, RateLimits = 0.5, RetryAfter = TimeSpan.FromSeconds(2.5) }),
        });
        var answers = new List<(HttpStatusCode Status, string? RetryAfter, string Body, bool RateHeaders)>();

        for (var i = 0; i < 100; i++)
        {
            using var response = await harness.Client.GetAsync("v2/companies?limit=1");
            answers.Add((response.StatusCode, response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null,
                await response.Content.ReadAsStringAsync(), response.Headers.Contains("X-Ratelimit-Limit-User")));
        }

        Assert.Equal(25, answers.Count(a => a.Status == HttpStatusCode.InternalServerError));
        Assert.Equal(25, answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(50, answers.Count(a => a.Status == HttpStatusCode.TooManyRequests));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.InternalServerError), a =>
            Assert.Equal((null, """{"errors":[{"code":"server","message":"An internal server error occurred."}]}"""), (a.RetryAfter, a.Body)));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a => Assert.Equal(
            ("3", """{"errors":[{"code":"server","message":"The service is temporarily unavailable. Please try again later."}]}"""),
            (a.RetryAfter, a.Body)));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.TooManyRequests), a =>
            Assert.Equal(("3", """{"errors":[{"code":"rate-limit","message":"Rate limit exceeded."}]}"""), (a.RetryAfter, a.Body)));

        // The endpoint never ran: no rate headers on the faults, and the real budget is untouched.
        Assert.DoesNotContain(answers, a => a.RateHeaders);
        await SandboxCalls.ClearFaultsAsync(harness.Client);
        var (after, _) = await harness.GetAsync("v2/companies?limit=1");
        Assert.Equal("899", Assert.Single(after.Headers.GetValues("X-Ratelimit-Limit-User-Remaining")));
    }

    [Fact]
    public async Task Injected_429_and_503_use_Attio_error_bodies_with_Retry_After_one_second_ahead_as_a_date()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 5, 23, 14, 42, 0, 400, TimeSpan.Zero));
        await using var host = await CounterHost.StartAsync(
            Everywhere(new FaultProfile { ServerErrors = 0.5, RateLimits = 0.5 }), FaultResponders.Attio, time);
        var answers = new List<(HttpStatusCode Status, string? RetryAfter, string Body)>();

        for (var i = 0; i < 100; i++)
        {
            using var response = await host.Client.PostAsync("writes", null);
            answers.Add((response.StatusCode, response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null,
                await response.Content.ReadAsStringAsync()));
        }

        Assert.Equal(0, host.Writes);
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.TooManyRequests), a => Assert.Equal(
            ("Sat, 23 May 2026 14:42:01 GMT",
             """{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Rate limit exceeded, please try again later"}"""),
            (a.RetryAfter, a.Body)));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable), a => Assert.Equal(
            ("Sat, 23 May 2026 14:42:01 GMT",
             """{"status_code":503,"type":"api_error","code":"service_unavailable","message":"The service is temporarily unavailable, please try again later"}"""),
            (a.RetryAfter, a.Body)));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.InternalServerError), a => Assert.Equal(
            (null,
             """{"status_code":500,"type":"api_error","code":"internal_server_error","message":"An unexpected error occurred, please try again later"}"""),
            (a.RetryAfter, a.Body)));
        Assert.Equal(50, answers.Count(a => a.Status == HttpStatusCode.TooManyRequests));
        Assert.Equal(25, answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable));
    }

    [Fact]
    public async Task Truncated_body_declares_its_full_length_and_fails_the_read_after_the_endpoint_ran()
    {
        await using var harness = await SimulatorHarness.StartAsync(options: new AffinitySimulatorOptions
        {
            Faults = Everywhere(new FaultProfile { TruncatedBodies = 1 }),
        });

        using var response = await harness.Client.GetAsync("v2/companies?limit=5", HttpCompletionOption.ResponseHeadersRead);
        var declared = (int)response.Content.Headers.ContentLength!.Value;
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = 0;
        var error = await Record.ExceptionAsync(async () =>
        {
            var buffer = new byte[declared];
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(received))) > 0)
            {
                received += read;
            }
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(declared / 2, received);
        Assert.Equal(HttpRequestError.ResponseEnded, Assert.IsType<HttpIOException>(error).HttpRequestError);
        // The endpoint ran: its rate headers are on the answer and it spent the budget.
        Assert.Equal("899", Assert.Single(response.Headers.GetValues("X-Ratelimit-Limit-User-Remaining")));
        await SandboxCalls.ClearFaultsAsync(harness.Client);
        var whole = await harness.Client.GetByteArrayAsync("v2/companies?limit=5");
        Assert.Equal(whole.Length, declared);
    }
}

using System.Net;
using Freight.Sandbox.Affinity;
using Freight.TestUtils;
using static Freight.Sandbox.Tests.Affinity.AffinityJson;

namespace Freight.Sandbox.Tests.Affinity;

public sealed class RateLimitTests
{
    private static readonly string[] RateHeaders =
    [
        "X-Ratelimit-Limit-User", "X-Ratelimit-Limit-User-Remaining", "X-Ratelimit-Limit-User-Reset",
        "X-Ratelimit-Limit-Org", "X-Ratelimit-Limit-Org-Remaining", "X-Ratelimit-Limit-Org-Reset",
    ];

    private static string Header(HttpResponseMessage response, string name) => Assert.Single(response.Headers.GetValues(name));

    [Fact]
    public async Task Every_response_carries_the_six_rate_headers()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (ok, _) = await harness.GetAsync("v2/companies?limit=1");
        var (notFound, _) = await harness.GetAsync("v2/companies/9999");
        harness.Client.DefaultRequestHeaders.Authorization = null;
        var (unauthorized, _) = await harness.GetAsync("v2/companies");

        foreach (var response in new[] { ok, notFound, unauthorized })
        {
            Assert.All(RateHeaders, name => Assert.True(int.TryParse(Header(response, name), out _), name));
        }

        Assert.Equal("900", Header(ok, "X-Ratelimit-Limit-User"));
        Assert.Equal("899", Header(ok, "X-Ratelimit-Limit-User-Remaining"));
        Assert.Equal("898", Header(notFound, "X-Ratelimit-Limit-User-Remaining"));
        Assert.Equal("898", Header(unauthorized, "X-Ratelimit-Limit-User-Remaining"));
    }

    [Fact]
    public async Task Budget_spent_gives_429_with_Retry_After_until_the_minute_passes()
    {
        var time = new ManualTimeProvider();
        await using var harness = await SimulatorHarness.StartAsync(options: new AffinitySimulatorOptions
        {
            Speed = 3.0 / AffinitySimulatorOptions.RealPerMinuteLimit,
            TimeProvider = time,
        });

        for (var i = 0; i < 3; i++)
        {
            var (allowed, _) = await harness.GetAsync("v2/companies?limit=1");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var (limited, body) = await harness.GetAsync("v2/companies?limit=1");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate-limit", SingleError(body).GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(30), limited.Headers.RetryAfter?.Delta); // the first call leaves the window at 60 s
        Assert.Equal("0", Header(limited, "X-Ratelimit-Limit-User-Remaining"));
        Assert.Equal("30", Header(limited, "X-Ratelimit-Limit-User-Reset"));

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await harness.GetAsync("v2/companies?limit=1")).Response.StatusCode);
        time.Advance(TimeSpan.FromSeconds(1));
        var (recovered, _) = await harness.GetAsync("v2/companies?limit=1");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task Speed_multiplies_the_per_minute_budget()
    {
        await using var harness = await SimulatorHarness.StartAsync(options: new AffinitySimulatorOptions { Speed = 10 });

        var (response, _) = await harness.GetAsync("v2/lists");

        Assert.Equal("9000", Header(response, "X-Ratelimit-Limit-User"));
    }

    [Fact]
    public async Task Monthly_budget_gives_429_but_whoami_does_not_count()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero));
        await using var harness = await SimulatorHarness.StartAsync(options: new AffinitySimulatorOptions
        {
            MonthlyLimit = 2,
            TimeProvider = time,
        });

        await harness.GetAsync("v2/lists");
        await harness.GetAsync("v2/lists");
        var (whoami, _) = await harness.GetAsync("v2/auth/whoami");
        var (limited, _) = await harness.GetAsync("v2/lists");

        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("0", Header(limited, "X-Ratelimit-Limit-Org-Remaining"));

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await harness.GetAsync("v2/lists")).Response.StatusCode);
    }

    [Fact]
    public async Task Sandbox_reset_gives_both_budgets_back()
    {
        await using var harness = await SimulatorHarness.StartAsync(options: new AffinitySimulatorOptions
        {
            MonthlyLimit = 1,
            TimeProvider = new ManualTimeProvider(),
        });
        await harness.GetAsync("v2/lists");
        var (limited, _) = await harness.GetAsync("v2/lists");

        using var reset = await harness.Client.PostAsync("_sandbox/reset", content: null);
        var (afterReset, _) = await harness.GetAsync("v2/lists");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
        Assert.Equal("0", Header(afterReset, "X-Ratelimit-Limit-Org-Remaining"));
    }

    [Fact]
    public async Task Speed_multiplies_the_monthly_budget_too()
    {
        await using var harness = await SimulatorHarness.StartAsync(options: new AffinitySimulatorOptions
        {
            MonthlyLimit = 1,
            Speed = 2,
            TimeProvider = new ManualTimeProvider(),
        });

        var (first, _) = await harness.GetAsync("v2/lists");
        var (second, _) = await harness.GetAsync("v2/lists");
        var (third, _) = await harness.GetAsync("v2/lists");

        Assert.Equal("2", Header(first, "X-Ratelimit-Limit-Org"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }
}

using System.Net;

namespace Freight.Server.Tests.RateLimits;

public sealed class RateLimitTests
{
    // ManualTimeProvider starts at 2026-01-01T00:00:00Z: the first minute ends at +60 s, the first hour at +3600 s.
    private static readonly long Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private static Dictionary<string, string?> Limits(int perMinute, int perHour) => new()
    {
        ["Freight:RequestsPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Freight:RequestsPerHour"] = perHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Every_tenant_answer_carries_the_limit_remaining_and_reset_of_the_tightest_window()
    {
        await using var server = await ApiServer.StartAsync(Limits(perMinute: 3, perHour: 50));
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var ok = await client.GetAsync("/api/v1/jobs");
        using var notFound = await client.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}");
        using var invalid = await client.GetAsync("/api/v1/jobs?limit=0");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        AssertHeaders(ok, limit: 3, remaining: 2, reset: Start + 60);
        await notFound.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        AssertHeaders(notFound, limit: 3, remaining: 1, reset: Start + 60);
        await invalid.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error");
        AssertHeaders(invalid, limit: 3, remaining: 0, reset: Start + 60);
    }

    [Fact]
    public async Task Over_the_minute_limit_is_429_rate_limited_with_retry_after_until_the_window_ends()
    {
        await using var server = await ApiServer.StartAsync(Limits(perMinute: 2, perHour: 50));
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync("/api/v1/jobs");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        server.Time.Advance(TimeSpan.FromSeconds(20.5));
        using var refused = await client.GetAsync("/api/v1/jobs");
        server.Time.Advance(TimeSpan.FromSeconds(39.5));
        using var nextMinute = await client.GetAsync("/api/v1/jobs");

        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "rate_limited", "Rate limit of 2 requests per minute exceeded; retry in 40 s.");
        Assert.Equal("40", refused.Headers.GetValues("Retry-After").Single());
        AssertHeaders(refused, limit: 2, remaining: 0, reset: Start + 60);
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);
        AssertHeaders(nextMinute, limit: 2, remaining: 1, reset: Start + 120);
    }

    [Fact]
    public async Task The_hour_window_becomes_the_tightest_when_it_has_fewer_requests_left()
    {
        await using var server = await ApiServer.StartAsync(Limits(perMinute: 3, perHour: 4));
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/v1/jobs");
            AssertHeaders(allowed, limit: 3, remaining: 2 - i, reset: Start + 60);
        }

        server.Time.Advance(TimeSpan.FromMinutes(1));
        using var last = await client.GetAsync("/api/v1/jobs");
        using var refused = await client.GetAsync("/api/v1/jobs");

        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        AssertHeaders(last, limit: 4, remaining: 0, reset: Start + 3600);
        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "rate_limited", "Rate limit of 4 requests per hour exceeded; retry in 3540 s.");
        Assert.Equal("3540", refused.Headers.GetValues("Retry-After").Single());
        AssertHeaders(refused, limit: 4, remaining: 0, reset: Start + 3600);
    }

    [Fact]
    public async Task Each_tenant_has_its_own_limits()
    {
        await using var server = await ApiServer.StartAsync(Limits(perMinute: 1, perHour: 50));
        using var acme = server.Tenant((await server.CreateTenantAsync("acme")).ApiKey);
        using var globex = server.Tenant((await server.CreateTenantAsync("globex")).ApiKey);

        using var acmeFirst = await acme.GetAsync("/api/v1/jobs");
        using var acmeSecond = await acme.GetAsync("/api/v1/jobs");
        using var globexFirst = await globex.GetAsync("/api/v1/jobs");

        Assert.Equal(HttpStatusCode.OK, acmeFirst.StatusCode);
        await acmeSecond.AssertErrorAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(HttpStatusCode.OK, globexFirst.StatusCode);
        AssertHeaders(globexFirst, limit: 1, remaining: 0, reset: Start + 60);
    }

    [Fact]
    public async Task Admin_health_and_unauthenticated_requests_are_not_tenant_limited()
    {
        await using var server = await ApiServer.StartAsync(Limits(perMinute: 1, perHour: 1));
        var (_, key) = await server.CreateTenantAsync("acme");
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await server.Admin.GetAsync("/api/v1/admin/tenants"));
            answers.Add(await server.Anonymous.GetAsync("/health/live"));
            answers.Add(await server.Tenant("frt_ABCDEFGH0123456789012345678901234567890123456789").GetAsync("/api/v1/jobs"));
        }

        using var tenant = await server.Tenant(key).GetAsync("/api/v1/jobs");

        Assert.Equal([200, 200, 401, 200, 200, 401, 200, 200, 401], answers.Select(answer => (int)answer.StatusCode));
        Assert.All(answers, answer => Assert.False(answer.Headers.Contains("X-RateLimit-Limit")));
        Assert.Equal(HttpStatusCode.OK, tenant.StatusCode);
        AssertHeaders(tenant, limit: 1, remaining: 0, reset: Start + 3600); // both windows are full: the later reset counts
        answers.ForEach(answer => answer.Dispose());
    }

    [Theory]
    [InlineData("Freight:RequestsPerMinute", "0")]
    [InlineData("Freight:RequestsPerHour", "-5")]
    [InlineData("Freight:JobCreationsPerMinute", "0")]
    public async Task A_limit_below_one_is_refused_at_start(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ApiServer.StartAsync(new Dictionary<string, string?> { [setting] = value }));

        Assert.Equal(setting["Freight:".Length..], error.ParamName);
    }

    private static void AssertHeaders(HttpResponseMessage response, int limit, int remaining, long reset)
    {
        Assert.Equal(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal(remaining.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal(reset.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-RateLimit-Reset").Single());
    }
}

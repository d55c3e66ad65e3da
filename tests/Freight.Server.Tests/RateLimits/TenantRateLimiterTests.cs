using Freight.Server.Hosting;
using Freight.Server.RateLimits;
using Freight.TestUtils;

namespace Freight.Server.Tests.RateLimits;

public sealed class TenantRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_job_creation_counts_in_its_own_window_and_in_the_request_windows()
    {
        var limiter = new TenantRateLimiter(new ServerSettings { RequestsPerMinute = 5, RequestsPerHour = 100, JobCreationsPerMinute = 2 }, new ManualTimeProvider());
        var tenant = Guid.NewGuid();

        var first = limiter.Acquire(tenant, jobCreation: true);
        var second = limiter.Acquire(tenant, jobCreation: true);
        var third = limiter.Acquire(tenant, jobCreation: true);
        var read = limiter.Acquire(tenant, jobCreation: false);

        Assert.Equal((true, "job creations per minute", 2, 1), (first.Allowed, first.Window.Counts, first.Limit, first.Remaining));
        Assert.Equal((true, "job creations per minute", 0), (second.Allowed, second.Window.Counts, second.Remaining));
        Assert.Equal((false, "job creations per minute", 0, TimeSpan.FromMinutes(1)), (third.Allowed, third.Window.Counts, third.Remaining, third.RetryAfter));
        Assert.Equal((true, "requests per minute", 5, 2, Start.AddMinutes(1)), (read.Allowed, read.Window.Counts, read.Limit, read.Remaining, read.ResetAt));
    }

    [Fact]
    public void A_refused_request_counts_in_no_window()
    {
        var time = new ManualTimeProvider();
        var limiter = new TenantRateLimiter(new ServerSettings { RequestsPerMinute = 1, RequestsPerHour = 2 }, time);
        var tenant = Guid.NewGuid();

        Assert.True(limiter.Acquire(tenant, jobCreation: false).Allowed);
        Assert.False(limiter.Acquire(tenant, jobCreation: false).Allowed);
        Assert.False(limiter.Acquire(tenant, jobCreation: false).Allowed);
        time.Advance(TimeSpan.FromMinutes(1));
        var again = limiter.Acquire(tenant, jobCreation: false);

        Assert.Equal((true, "requests per hour", 0, Start.AddHours(1)), (again.Allowed, again.Window.Counts, again.Remaining, again.ResetAt));
    }

    [Fact]
    public void Windows_are_aligned_to_the_clock_so_a_window_ends_on_the_minute()
    {
        var time = new ManualTimeProvider(Start.AddSeconds(59));
        var limiter = new TenantRateLimiter(new ServerSettings { RequestsPerMinute = 1 }, time);
        var tenant = Guid.NewGuid();

        var first = limiter.Acquire(tenant, jobCreation: false);
        var refused = limiter.Acquire(tenant, jobCreation: false);
        time.Advance(TimeSpan.FromSeconds(1));
        var next = limiter.Acquire(tenant, jobCreation: false);

        Assert.Equal((true, Start.AddMinutes(1)), (first.Allowed, first.ResetAt));
        Assert.Equal((false, TimeSpan.FromSeconds(1)), (refused.Allowed, refused.RetryAfter));
        Assert.Equal((true, Start.AddMinutes(2)), (next.Allowed, next.ResetAt));
    }

    [Fact]
    public void Tenants_whose_windows_have_all_ended_are_forgotten()
    {
        var time = new ManualTimeProvider();
        var limiter = new TenantRateLimiter(new ServerSettings(), time);
        for (var i = 0; i < 1000; i++)
        {
            limiter.Acquire(Guid.NewGuid(), jobCreation: i % 2 == 0);
        }

        var tracked = limiter.TrackedTenants;
        time.Advance(TimeSpan.FromHours(1));
        limiter.Acquire(Guid.NewGuid(), jobCreation: false);

        Assert.Equal(1000, tracked);
        Assert.Equal(1, limiter.TrackedTenants);
    }

    [Fact]
    public async Task Concurrent_requests_of_one_tenant_never_exceed_the_limit()
    {
        var limiter = new TenantRateLimiter(new ServerSettings { RequestsPerMinute = 100, RequestsPerHour = 1000 }, new ManualTimeProvider());
        var tenant = Guid.NewGuid();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => Task.Run(() => limiter.Acquire(tenant, jobCreation: false))));

        Assert.Equal(100, decisions.Count(decision => decision.Allowed));
    }
}

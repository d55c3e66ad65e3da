using System.Net;
using System.Net.Http.Json;
using Freight.Server.Tests.Jobs;

namespace Freight.Server.Tests.RateLimits;

public sealed class JobCreationLimitTests
{
    [Fact]
    public async Task Job_creation_over_its_limit_is_429_while_reads_go_on_and_it_counts_in_the_request_windows()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:JobCreationsPerMinute"] = "2" });
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var first = await client.PostAsJsonAsync("/api/v1/jobs", JobScenario.Body());
        using var second = await client.PostAsJsonAsync("/api/v1/jobs", JobScenario.Body());
        using var third = await client.PostAsJsonAsync("/api/v1/jobs", JobScenario.Body());
        using var read = await client.GetAsync("/api/v1/jobs");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("1", first.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("2", first.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await third.AssertErrorAsync(HttpStatusCode.TooManyRequests, "rate_limited", "Rate limit of 2 job creations per minute exceeded; retry in 60 s.");
        Assert.Equal("60", third.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("97", read.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal(2, (await read.JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }
}

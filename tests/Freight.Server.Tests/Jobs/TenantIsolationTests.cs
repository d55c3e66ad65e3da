using System.Net;

namespace Freight.Server.Tests.Jobs;

public sealed class TenantIsolationTests
{
    /// <summary>Every route under a job id, and what its owner gets for a job that completed with errors.</summary>
    private static readonly (string Method, string Route, HttpStatusCode OwnerStatus)[] Routes =
    [
        ("GET", "", HttpStatusCode.OK),
        ("POST", "/cancel", HttpStatusCode.Conflict),
        ("POST", "/retry", HttpStatusCode.OK),
        ("POST", "/retry?retry_failed_only=false", HttpStatusCode.OK),
        ("GET", "/batches", HttpStatusCode.OK),
        ("GET", "/batches?status=failed", HttpStatusCode.OK),
        ("GET", "/logs", HttpStatusCode.OK),
        ("GET", "/logs?level=error", HttpStatusCode.OK),
        ("GET", "/failures", HttpStatusCode.OK),
        ("GET", "/failures?entity=companies", HttpStatusCode.OK),
        ("GET", "/events", HttpStatusCode.OK),
    ];

    public static IEnumerable<object[]> RoutesWithOwnerStatus => Routes.Select(route => new object[] { route.Method, route.Route, route.OwnerStatus });

    public static IEnumerable<object[]> JobRoutes => Routes.Select(route => new object[] { route.Method, route.Route });

    [Theory]
    [MemberData(nameof(RoutesWithOwnerStatus))]
    public async Task Another_tenants_job_is_404_on_every_job_route_like_an_unknown_id(string method, string route, HttpStatusCode ownerStatus)
    {
        await using var server = await ApiServer.StartAsync();
        var (_, acmeKey) = await server.CreateTenantAsync("acme");
        var (_, globexKey) = await server.CreateTenantAsync("globex");
        using var owner = server.Tenant(acmeKey);
        using var stranger = server.Tenant(globexKey);
        var id = await JobScenario.CompletedWithErrorsAsync(server, owner);
        var unknown = Guid.CreateVersion7();

        using var theirs = await stranger.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/jobs/{id}{route}"));
        using var nobodys = await stranger.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/jobs/{unknown}{route}"));
        using var own = await owner.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/jobs/{id}{route}"));

        await theirs.AssertErrorAsync(HttpStatusCode.NotFound, "not_found", $"No job {id}.");
        await nobodys.AssertErrorAsync(HttpStatusCode.NotFound, "not_found", $"No job {unknown}.");
        Assert.Equal(ownerStatus, own.StatusCode);
    }

    [Theory]
    [MemberData(nameof(JobRoutes))]
    public async Task Every_job_route_needs_an_api_key(string method, string route)
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/v1/jobs/{Guid.CreateVersion7()}{route}"));

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized", "API key required");
    }
}

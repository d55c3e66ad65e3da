using Freight.Server.Errors;
using Freight.Server.Shared;

namespace Freight.Server.Health;

/// <summary>
/// <c>/health</c> (overall), <c>/health/all</c> (each component with its response time), <c>/health/{component}</c>,
/// <c>/health/live</c> (the process answers; no dependency) and <c>/health/ready</c> (the database answers).
/// Unhealthy is 503 with the same body. Not authenticated and not rate limited: load balancers call these.
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddFreightHealth(this IServiceCollection services) => services.AddSingleton<HealthChecks>();

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapGet("/", OverallAsync).Produces<HealthSummary>().Produces<HealthSummary>(StatusCodes.Status503ServiceUnavailable);
        health.MapGet("/all", AllAsync).Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        health.MapGet("/live", () => TypedResults.Ok(new { status = HealthStatus.Healthy }));
        health.MapGet("/ready", ReadyAsync).Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        health.MapGet("/{component}", ComponentAsync)
            .Produces<ComponentHealth>()
            .Produces<ComponentHealth>(StatusCodes.Status503ServiceUnavailable)
            .Produces<ApiError>(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> OverallAsync(HealthChecks checks, CancellationToken cancellationToken)
    {
        var report = await checks.CheckAllAsync(cancellationToken);
        return Answer(report.Status, HealthSummary.From(report));
    }

    private static async Task<IResult> AllAsync(HealthChecks checks, CancellationToken cancellationToken)
    {
        var report = await checks.CheckAllAsync(cancellationToken);
        return Answer(report.Status, report);
    }

    private static async Task<IResult> ReadyAsync(HealthChecks checks, TimeProvider time, CancellationToken cancellationToken)
    {
        var report = HealthReport.Of([await checks.CheckAsync(HealthChecks.Database, cancellationToken)], time.GetUtcNow());
        return Answer(report.Status, report);
    }

    private static async Task<IResult> ComponentAsync(string component, HealthChecks checks, CancellationToken cancellationToken)
    {
        if (!HealthChecks.Components.Contains(component))
        {
            return Problems.NotFound($"No health component {ClientText.Quote(component)}; there are {string.Join(", ", HealthChecks.Components)}.");
        }

        var health = await checks.CheckAsync(component, cancellationToken);
        return Answer(health.Status, health);
    }

    private static IResult Answer<T>(HealthStatus status, T body) =>
        status == HealthStatus.Unhealthy ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(body);
}

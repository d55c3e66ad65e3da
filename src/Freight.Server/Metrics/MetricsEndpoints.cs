using System.Text;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Server.Metrics;

/// <summary>
/// <c>GET /metrics</c> in the Prometheus text format 0.0.4: this server's requests, the jobs in the database, and
/// <c>Freight.Http</c>'s outbound calls, retries, circuit breakers and rate-limiter waits. Not authenticated and
/// not rate limited, like <c>/health</c>; labels carry no tenant, id or credential.
/// </summary>
public static class MetricsEndpoints
{
    public static IServiceCollection AddFreightMetrics(this IServiceCollection services) =>
        services.AddMetrics().AddSingleton<ServerMetrics>().AddSingleton<MetricsCollector>();

    /// <summary>Measures every request; add it before anything that can answer.</summary>
    public static IApplicationBuilder UseHttpMetrics(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.ApplicationServices.GetRequiredService<MetricsCollector>(); // listening from the start, not from the first scrape
        return app.UseMiddleware<HttpMetricsMiddleware>();
    }

    public static void MapMetrics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/metrics", ScrapeAsync).WithTags("Metrics").Produces<string>(contentType: PrometheusText.ContentType);
    }

    private static async Task<IResult> ScrapeAsync(
        MetricsCollector collector, IDbContextFactory<FreightDbContext> contexts, ILogger<MetricsCollector> logger, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        await JobMetrics.WriteToAsync(output, contexts, logger, cancellationToken);
        collector.WriteTo(output);
        return TypedResults.Text(output.ToString(), PrometheusText.ContentType);
    }
}

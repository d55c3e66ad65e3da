using Freight.Core.Hosting;
using Freight.Server.Admin;
using Freight.Server.Auth;
using Freight.Server.Connectors;
using Freight.Server.Dashboard;
using Freight.Server.Errors;
using Freight.Server.Health;
using Freight.Server.Jobs;
using Freight.Server.Logging;
using Freight.Server.Metrics;
using Freight.Server.OpenApi;
using Freight.Server.RateLimits;
using Freight.Server.Stats;

namespace Freight.Server.Hosting;

/// <summary>
/// Freight's REST API host: <see cref="CreateBuilder"/> reads the settings and registers everything, then
/// <see cref="Build"/> wires the pipeline and the routes. <c>freight serve</c> runs it; tests start it on a free
/// loopback port.
/// </summary>
public static class FreightServer
{
    public const string ApiPrefix = "/api/v1";

    /// <summary>
    /// A builder with settings from <c>appsettings.json</c> in the working directory, <c>FREIGHT_*</c> variables, and
    /// then <paramref name="settings"/> (keys as in appsettings: <c>Freight:Database</c>).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddFreightEnvironmentVariables();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.AddFreightServerLogging();
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        return builder;
    }

    /// <summary>Registers the database, engine and API services from the builder's configuration, builds, and maps the API.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var freight = FreightSettings.From(builder.Configuration);
        var server = ServerSettings.From(builder.Configuration);
        builder.Services.AddSingleton(freight);
        builder.Services.AddSingleton(server);
        builder.Services.AddFreight(freight, server.RunWorker);
        builder.Services.AddSingleton<JobReads>();
        builder.Services.AddTenantRateLimits();
        builder.Services.AddAdminAuthentication();
        builder.Services.AddFreightHealth();
        builder.Services.AddFreightCors(server);
        builder.Services.AddFreightMetrics();
        builder.Services.ConfigureHttpJsonOptions(options => ServerJson.Configure(options.SerializerOptions));
        builder.Services.AddFreightOpenApi();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.WebHost.UseKestrelHttpsConfiguration(); // the slim builder leaves https:// addresses out
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = server.MaxRequestBodyBytes;
            kestrel.UseConfiguredCertificate(server);
        });

        var app = builder.Build();
        app.Use(RequestIds.AssignAsync);
        app.UseSecurityHeaders();
        app.UseRequestLogging();
        app.UseHttpMetrics();
        app.UseFreightCors(server);
        app.UseMiddleware<ErrorMiddleware>();

        app.MapFreightOpenApi();
        var api = app.MapGroup(ApiPrefix).ProducesErrors(400, 404, 413, 415, 422, 500);
        api.MapAdmin();
        var tenant = api.MapGroup("").RequireApiKey().RequireTenantRateLimits().ProducesErrors(401, 429);
        tenant.MapJobs();
        tenant.MapStats();
        tenant.MapConnectors();
        app.MapHealth();
        app.MapMetrics();
        app.MapDashboard();
        return app;
    }
}

using Freight.Core.Hosting;
using Freight.Server.Admin;
using Freight.Server.Auth;
using Freight.Server.Errors;
using Freight.Server.Jobs;
using Freight.Server.OpenApi;

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
        builder.Services.ConfigureHttpJsonOptions(options => ServerJson.Configure(options.SerializerOptions));
        builder.Services.AddFreightOpenApi();
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = server.MaxRequestBodyBytes;
        });

        var app = builder.Build();
        app.Use(RequestIds.AssignAsync);
        app.UseMiddleware<ErrorMiddleware>();

        app.MapFreightOpenApi();
        var api = app.MapGroup(ApiPrefix).ProducesErrors(400, 404, 413, 415, 422, 500);
        api.MapAdmin();
        var tenant = api.MapGroup("").RequireApiKey().ProducesErrors(401, 429);
        tenant.MapJobs();
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "healthy" })).WithTags("Health");
        return app;
    }
}

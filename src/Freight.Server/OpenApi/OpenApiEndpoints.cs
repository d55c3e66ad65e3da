using Freight.Server.Errors;
using Freight.Server.Hosting;
using Microsoft.OpenApi;

namespace Freight.Server.OpenApi;

/// <summary>
/// The API's contract: the OpenAPI document generated from the routes at <c>/api/openapi.json</c> (committed as
/// <c>api/openapi.json</c>, which a test keeps equal to it) and Swagger UI at <c>/api/docs</c>.
/// </summary>
public static class OpenApiEndpoints
{
    public const string DocumentPath = "/api/openapi.json";
    public const string DocsPath = "api/docs";

    public static IServiceCollection AddFreightOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Freight API",
                    Version = "v1",
                    Description = "Migrate CRM data between SaaS APIs. Tenant routes take an X-API-Key header; /api/v1/admin takes X-Admin-Key. "
                        + "Every error has one shape: {error, message, details, request_id, timestamp}.",
                };
                document.Servers = [];
                return Task.CompletedTask;
            });

            // Times are written by ServerJson's own converter, which the schema generator cannot see through.
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
                {
                    schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                    schema.Format = "date-time";
                }

                return Task.CompletedTask;
            });
        });

    public static void MapFreightOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi(DocumentPath).ExcludeFromDescription();
        // Only requests under the docs path go through the Swagger UI middleware, not every API call.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/" + DocsPath, StringComparison.OrdinalIgnoreCase),
            docs => docs.UseContentSecurityPolicy(SecurityHeaders.SwaggerUiPolicy).UseSwaggerUI(options =>
            {
                options.RoutePrefix = DocsPath;
                options.SwaggerEndpoint(DocumentPath, "Freight API v1");
                options.DocumentTitle = "Freight API";
            }));
    }

    /// <summary>Documents error answers a route (or every route of a group) can give, in the <see cref="ApiError"/> shape.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiError), ["application/json"]));
        }

        return builder;
    }
}

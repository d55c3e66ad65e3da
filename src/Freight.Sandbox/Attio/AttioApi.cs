using Freight.Sandbox.Inspection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Sandbox.Attio;

/// <summary>The Attio v2 endpoints Freight writes to and reads back from, over one in-memory workspace.</summary>
public static partial class AttioApi
{
    private static readonly string[] AllMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Registers the options, the workspace and the rate budgets that <see cref="MapAttio"/> serves.</summary>
    public static IServiceCollection AddAttio(this IServiceCollection services, AttioSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var workspace = new AttioWorkspace(options);
        services.AddSingleton(options);
        services.AddSingleton(workspace);
        services.AddSingleton<ISandboxResettable>(workspace);
        var limit = new AttioRateLimit(options.ReadsPerSecond, options.WritesPerSecond, options.TimeProvider);
        services.AddSingleton(limit);
        services.AddSingleton<ISandboxResettable>(limit);
        services.AddSingleton<AttioGate>();
        return services;
    }

    /// <summary>Maps <c>/v2</c> (authenticated, rate limited) and the inspection routes under <c>/_sandbox</c>.</summary>
    public static RouteGroupBuilder MapAttio(this IEndpointRouteBuilder routes)
    {
        var v2 = routes.MapGroup("/v2");
        v2.AddEndpointFilter<AttioGate>();
        var table = new RouteTable(v2);

        table.Map("GET", "/self", Self);
        MapSchema(table);
        MapRecords(table);
        MapNotes(table);
        MapLists(table);
        table.MapRest();

        MapInspection(routes);

        return v2;
    }

    /// <summary>
    /// Maps routes and remembers their methods, so that any other method on a known path answers 405 and
    /// any unknown path 404, both in Attio's error shape.
    /// </summary>
    private sealed class RouteTable(RouteGroupBuilder group)
    {
        private readonly Dictionary<string, HashSet<string>> _methods = new(StringComparer.Ordinal);

        public void Map(string method, string pattern, Delegate handler)
        {
            group.MapMethods(pattern, [method], handler);
            if (!_methods.TryGetValue(pattern, out var methods))
            {
                _methods[pattern] = methods = new HashSet<string>(StringComparer.Ordinal);
            }

            methods.Add(method);
        }

        public void MapRest()
        {
            foreach (var (pattern, methods) in _methods)
            {
                group.MapMethods(pattern, [.. AllMethods.Except(methods)], (HttpRequest request) =>
                    Fail.MethodNotAllowed(request.Method, request.Path).ToResult());
            }

            group.MapFallback("{**path}", (HttpRequest request) => Fail.NoRoute(request.Method, request.Path).ToResult());
        }
    }
}

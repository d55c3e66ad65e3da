using System.Text.Json;
using Freight.Sandbox.Hosting;
using Freight.Sandbox.Inspection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Freight.Sandbox.Faults;

/// <summary><c>GET|PUT /_sandbox/faults</c>: the fault settings in force, read and replaced at run time.</summary>
internal static class FaultsApi
{
    public static void MapSandboxFaults(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/_sandbox/faults", (FaultInjector injector) =>
            TypedResults.Json(FaultsDocument.From(injector.Settings), SandboxJson.Options));
        routes.MapPut("/_sandbox/faults", PutAsync);
    }

    // Replaces the settings whole, or changes nothing and says why.
    private static async Task<Results<JsonHttpResult<FaultsDocument>, JsonHttpResult<SandboxError>>> PutAsync(
        HttpRequest request, FaultInjector injector, SandboxRoutes routes)
    {
        FaultsDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<FaultsDocument>(request.Body, SandboxJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException error)
        {
            return BadRequest($"The body is not a faults document ({error.Path}): {error.Message}");
        }

        if (document is null)
        {
            return BadRequest("The body must be a JSON object with \"seed\", \"default\" and \"routes\".");
        }

        var settings = document.ToSettings(injector.Settings.Seed, out var problem);
        problem ??= settings!.UnknownRoute(routes.Known);
        if (problem is not null)
        {
            return BadRequest(problem);
        }

        injector.Settings = settings!;
        return TypedResults.Json(FaultsDocument.From(settings!), SandboxJson.Options);
    }

    private static JsonHttpResult<SandboxError> BadRequest(string message) =>
        TypedResults.Json(new SandboxError(message), SandboxJson.Options, statusCode: StatusCodes.Status400BadRequest);
}

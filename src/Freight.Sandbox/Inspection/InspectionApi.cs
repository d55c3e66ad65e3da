using Freight.Sandbox.Dataset;
using Freight.Sandbox.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Freight.Sandbox.Inspection;

/// <summary>The inspection endpoints every simulator host serves, and the dataset summary of a host that serves a dataset.</summary>
public static class InspectionApi
{
    /// <summary>
    /// <c>GET /_sandbox/summary</c>: what the <see cref="SandboxDataset"/> registered in the host's services
    /// holds (counts per kind, mess, expected rejections), computed without building a record.
    /// </summary>
    public static IEndpointConventionBuilder MapSandboxSummary(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes.MapGet("/_sandbox/summary", (SandboxDataset dataset) =>
            TypedResults.Json(dataset.Summarize(), SandboxJson.Options));
    }

    /// <summary><c>GET /_sandbox/requests</c> and <c>POST /_sandbox/reset</c>.</summary>
    internal static void MapSandboxInspection(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/_sandbox/requests", (RequestLog log, FaultInjector faults) =>
            TypedResults.Json(RequestsReport.Of(log.Snapshot(), faults.CountsByRoute()), SandboxJson.Options));
        routes.MapPost("/_sandbox/reset", Reset);
    }

    // Everything registered as resettable: the request log, the fault counters, a simulator's written records.
    private static JsonHttpResult<ResetReport> Reset(IEnumerable<ISandboxResettable> resettables)
    {
        var count = 0;
        foreach (var resettable in resettables)
        {
            resettable.Reset();
            count++;
        }

        return TypedResults.Json(new ResetReport(count), SandboxJson.Options);
    }
}

internal sealed record ResetReport(int Reset);

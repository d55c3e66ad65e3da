using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Freight.Sandbox.Attio;

public static partial class AttioApi
{
    /// <summary>Inspection for tests and the demo: no auth, no rate limit (BRIEF §5).</summary>
    private static void MapInspection(IEndpointRouteBuilder routes)
    {
        var inspection = routes.MapGroup("/_sandbox");
        inspection.MapGet("/counts", (AttioWorkspace workspace) => TypedResults.Json(workspace.Counts(), AttioJson.Options));
        inspection.MapGet("/duplicates", (AttioWorkspace workspace) => TypedResults.Json(workspace.Duplicates(), AttioJson.Options));
    }
}

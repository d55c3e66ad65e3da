using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Attio;

public static partial class AttioApi
{
    private static void MapNotes(RouteTable table)
    {
        table.Map("GET", "/notes", (HttpRequest request, AttioWorkspace workspace) => Ok(workspace.ListNotes(
            request.Query["parent_object"].FirstOrDefault(),
            request.Query["parent_record_id"].FirstOrDefault(),
            Body.QueryInt(request, "limit", 10, 1, 50),
            Body.QueryInt(request, "offset", 0))));
        table.Map("POST", "/notes", async (HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.CreateNote(Body.Data(body)));
        });
        table.Map("GET", "/notes/{note_id}", (string note_id, AttioWorkspace workspace) => Ok(workspace.GetNote(note_id)));
        table.Map("DELETE", "/notes/{note_id}", (string note_id, AttioWorkspace workspace) =>
        {
            workspace.DeleteNote(note_id);
            return TypedResults.Json(new { }, AttioJson.Options);
        });
    }
}

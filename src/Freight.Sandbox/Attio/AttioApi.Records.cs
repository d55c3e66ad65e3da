using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Attio;

public static partial class AttioApi
{
    private static void MapRecords(RouteTable table)
    {
        const string records = "/objects/{object}/records";

        table.Map("POST", records, async (string @object, HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.CreateRecord(@object, Values(body)));
        });
        table.Map("PUT", records, async (string @object, HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.AssertRecord(@object, request.Query["matching_attribute"].FirstOrDefault(), Values(body)));
        });
        table.Map("POST", records + "/query", async (string @object, HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.QueryRecords(@object, QueryRequest.Parse(body)));
        });

        const string record = records + "/{record_id}";
        table.Map("GET", record, (string @object, string record_id, AttioWorkspace workspace) =>
            Ok(workspace.GetRecord(@object, record_id)));
        table.Map("PATCH", record, async (string @object, string record_id, HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.UpdateRecord(@object, record_id, Values(body), Merge.Prepend));
        });
        table.Map("PUT", record, async (string @object, string record_id, HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.UpdateRecord(@object, record_id, Values(body), Merge.Replace));
        });
        table.Map("DELETE", record, (string @object, string record_id, AttioWorkspace workspace) =>
        {
            workspace.DeleteRecord(@object, record_id);
            return TypedResults.Json(new { }, AttioJson.Options);
        });
    }

    /// <summary><c>data.values</c> of a record write; <c>data</c> takes no other property.</summary>
    private static System.Text.Json.JsonElement Values(System.Text.Json.JsonDocument body) =>
        Body.Required(Body.Data(body, "values"), "values", ["data"]);
}

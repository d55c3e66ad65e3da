using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Attio;

public static partial class AttioApi
{
    private static void MapLists(RouteTable table)
    {
        table.Map("GET", "/lists", (AttioWorkspace workspace) => Ok(workspace.ListLists()));
        table.Map("POST", "/lists", async (HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.CreateList(Body.Data(body)));
        });
        table.Map("GET", "/lists/{list}", (string list, AttioWorkspace workspace) => Ok(workspace.GetList(list)));

        const string entries = "/lists/{list}/entries";
        table.Map("POST", entries, async (string list, HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.CreateEntry(list, Body.Data(body)));
        });
        table.Map("PUT", entries, async (string list, HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.AssertEntry(list, Body.Data(body)));
        });
        table.Map("POST", entries + "/query", async (string list, HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.QueryEntries(list, QueryRequest.Parse(body)));
        });

        const string entry = entries + "/{entry_id}";
        table.Map("GET", entry, (string list, string entry_id, AttioWorkspace workspace) => Ok(workspace.GetEntry(list, entry_id)));
        table.Map("PATCH", entry, async (string list, string entry_id, HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.UpdateEntry(list, entry_id, EntryValues(body), Merge.Prepend));
        });
        table.Map("PUT", entry, async (string list, string entry_id, HttpRequest request, AttioWorkspace workspace) =>
        {
            using var body = await Body.ReadAsync(request);
            return Ok(workspace.UpdateEntry(list, entry_id, EntryValues(body), Merge.Replace));
        });
        table.Map("DELETE", entry, (string list, string entry_id, AttioWorkspace workspace) =>
        {
            workspace.DeleteEntry(list, entry_id);
            return TypedResults.Json(new { }, AttioJson.Options);
        });

        table.Map("GET", "/objects/{object}/records/{record_id}/entries", (string @object, string record_id, HttpRequest request, AttioWorkspace workspace) =>
            Ok(workspace.EntriesOfRecord(@object, record_id, Body.QueryInt(request, "limit", 100, 1, 1000), Body.QueryInt(request, "offset", 0))));
    }

    private static JsonElement EntryValues(JsonDocument body) => Body.Object(Body.Data(body, "entry_values"), "entry_values", ["data"]);
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Freight.Sandbox.Attio;

public static partial class AttioApi
{
    private static void MapSchema(RouteTable table)
    {
        table.Map("GET", "/objects", (AttioWorkspace workspace) => Ok(workspace.ListObjects()));
        table.Map("GET", "/objects/{object}", (string @object, AttioWorkspace workspace) => Ok(workspace.GetObject(@object)));

        foreach (var target in new[] { "objects", "lists" })
        {
            var attributes = $"/{target}/{{identifier}}/attributes";
            table.Map("GET", attributes, (string identifier, HttpRequest request, AttioWorkspace workspace) =>
                Ok(workspace.ListAttributes(target, identifier, Body.QueryInt(request, "limit", int.MaxValue, 1), Body.QueryInt(request, "offset", 0),
                    Body.QueryBool(request, "show_archived"))));
            table.Map("POST", attributes, async (string identifier, HttpRequest request, AttioWorkspace workspace) =>
            {
                using var body = await Body.ReadAsync(request);
                return Ok(workspace.CreateAttribute(target, identifier, Body.Data(body)));
            });
            table.Map("GET", attributes + "/{attribute}", (string identifier, string attribute, AttioWorkspace workspace) =>
                Ok(workspace.GetAttribute(target, identifier, attribute)));

            table.Map("GET", attributes + "/{attribute}/options", (string identifier, string attribute, HttpRequest request, AttioWorkspace workspace) =>
                Ok(workspace.ListOptions(target, identifier, attribute, Body.QueryBool(request, "show_archived"))));
            table.Map("POST", attributes + "/{attribute}/options", async (string identifier, string attribute, HttpRequest request, AttioWorkspace workspace) =>
            {
                using var body = await Body.ReadAsync(request);
                return Ok(workspace.CreateOption(target, identifier, attribute, Body.Data(body)));
            });
            table.Map("GET", attributes + "/{attribute}/statuses", (string identifier, string attribute, HttpRequest request, AttioWorkspace workspace) =>
                Ok(workspace.ListStatuses(target, identifier, attribute, Body.QueryBool(request, "show_archived"))));
            table.Map("POST", attributes + "/{attribute}/statuses", async (string identifier, string attribute, HttpRequest request, AttioWorkspace workspace) =>
            {
                using var body = await Body.ReadAsync(request);
                return Ok(workspace.CreateStatus(target, identifier, attribute, Body.Data(body)));
            });
        }

        table.Map("GET", "/workspace_members", (AttioWorkspace workspace) => Ok(workspace.Members.Select(m => m.ToDto()).ToList()));
        table.Map("GET", "/workspace_members/{id}", (string id, AttioWorkspace workspace) =>
            Ok((workspace.Members.FirstOrDefault(m => m.Id.ToString() == id)
                ?? throw Fail.NotFound($"Workspace member with ID \"{id}\" was not found.")).ToDto()));
    }

    private static JsonHttpResult<DataDto<T>> Ok<T>(T data) => TypedResults.Json(new DataDto<T>(data), AttioJson.Options);
}

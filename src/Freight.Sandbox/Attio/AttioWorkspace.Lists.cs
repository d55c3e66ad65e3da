using System.Text.Json;
using System.Text.RegularExpressions;

namespace Freight.Sandbox.Attio;

internal sealed partial class AttioWorkspace
{
    private static readonly string[] AccessLevels = ["full-access", "read-and-write", "read-only"];

    public List<ListDto> ListLists()
    {
        lock (_gate)
        {
            return [.. _lists.Select(l => l.ToDto())];
        }
    }

    public ListDto GetList(string slugOrId)
    {
        lock (_gate)
        {
            return List(slugOrId).ToDto();
        }
    }

    /// <summary><c>POST /v2/lists</c>: a list of one object's records; someone must have full access (ATT-SPEC).</summary>
    public ListDto CreateList(JsonElement data)
    {
        string[] at = ["data"];
        Body.OnlyKeys(data, at, "name", "api_slug", "parent_object", "workspace_access", "workspace_member_access");
        var name = Body.String(data, "name", at);
        var slug = Body.String(data, "api_slug", at);
        var parentObject = Body.String(data, "parent_object", at);
        var workspaceAccess = Body.NullableString(data, "workspace_access", at);
        var memberAccess = Body.Required(data, "workspace_member_access", at);
        if (!ListSlug().IsMatch(slug))
        {
            throw Fail.Validation($"\"{slug}\" is not a snake_case slug.", "data", "api_slug");
        }

        if (workspaceAccess is not null && !AccessLevels.Contains(workspaceAccess))
        {
            throw Fail.Validation($"\"{workspaceAccess}\" is not an access level.", "data", "workspace_access");
        }

        var access = ParseMemberAccess(memberAccess);
        if (workspaceAccess != "full-access" && !access.Exists(a => a.Level == "full-access"))
        {
            throw Fail.Validation("A list needs workspace_access \"full-access\" or a member with \"full-access\".", "data", "workspace_access");
        }

        lock (_gate)
        {
            var parent = Object(parentObject);
            if (_lists.Exists(l => l.ApiSlug == slug) || _objects.Exists(o => o.ApiSlug == slug))
            {
                throw Fail.SlugConflict($"A list or object with slug \"{slug}\" already exists.");
            }

            var list = new ListDef(NewId(IdKind.List), slug, name, parent, workspaceAccess, access, Options.TimeProvider.GetUtcNow());
            _lists.Add(list);
            return list.ToDto();
        }
    }

    private List<MemberAccess> ParseMemberAccess(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Fail.Type("\"workspace_member_access\" must be an array.", "data", "workspace_member_access");
        }

        var access = new List<MemberAccess>();
        foreach (var item in value.EnumerateArray())
        {
            string[] at = ["data", "workspace_member_access"];
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Fail.Type("Each member access must be an object.", at);
            }

            var id = Body.String(item, "workspace_member_id", at);
            var level = Body.String(item, "level", at);
            if (!AccessLevels.Contains(level))
            {
                throw Fail.Validation($"\"{level}\" is not an access level.", [.. at, "level"]);
            }

            var member = Members.FirstOrDefault(m => m.Id.ToString() == id)
                ?? throw Fail.ValueNotFound($"Workspace member with ID \"{id}\" was not found.");
            access.Add(new(member.Id, level));
        }

        return access;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ListSlug();
}

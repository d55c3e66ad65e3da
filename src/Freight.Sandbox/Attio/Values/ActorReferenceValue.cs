using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary>
/// <c>actor-reference</c>: a workspace member, as <c>{"referenced_actor_type":"workspace-member","referenced_actor_id"}</c>,
/// <c>{"workspace_member_email_address"}</c> or a bare email address (B4).
/// </summary>
internal sealed class ActorReferenceValue(int slot, long activeFrom, Member member) : ValueItem(slot, activeFrom)
{
    public Member Member { get; } = member;

    public override string Key => Member.Id.ToString();

    public override string DefaultField => "referenced_actor_id";

    public static ActorReferenceValue Parse(JsonElement value, in ValueInput input)
    {
        Member? member;
        if (value.ValueKind == JsonValueKind.String)
        {
            member = input.Workspace.FindMember(value.GetString()!);
        }
        else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("workspace_member_email_address", out var email))
        {
            member = email.ValueKind == JsonValueKind.String ? input.Workspace.FindMember(email.GetString()!) : throw input.WrongType("an email string");
        }
        else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("referenced_actor_id", out var id))
        {
            if (!value.TryGetProperty("referenced_actor_type", out var type) || !type.ValueEquals("workspace-member"))
            {
                throw input.Invalid("only workspace members can be written: \"referenced_actor_type\" must be \"workspace-member\".");
            }

            member = input.Workspace.Members.FirstOrDefault(m => id.ValueKind == JsonValueKind.String && m.Id.ToString() == id.GetString());
        }
        else
        {
            throw input.WrongType("a workspace member email or {\"referenced_actor_type\", \"referenced_actor_id\"}");
        }

        return member is null
            ? throw Fail.ValueNotFound($"Workspace member {value.GetRawText()} was not found for \"{input.Attribute.ApiSlug}\".")
            : new(input.Slot, input.Now, member);
    }

    public override string? Field(string property) => property switch
    {
        "referenced_actor_id" => Member.Id.ToString(),
        "referenced_actor_type" => "workspace-member",
        _ => null,
    };

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute)
    {
        writer.WriteString("referenced_actor_type", "workspace-member");
        writer.WriteString("referenced_actor_id", Member.Id);
    }
}

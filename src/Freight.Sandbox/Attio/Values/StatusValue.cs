using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary><c>status</c>: a status title or id, or <c>{"status": title or id}</c>; an unknown status is refused (B5).</summary>
internal sealed class StatusValue(int slot, long activeFrom, StatusOption status) : ValueItem(slot, activeFrom)
{
    public StatusOption Status { get; } = status;

    public override string Key => Status.Id.ToString();

    public override string DefaultField => "status";

    public static StatusValue Parse(JsonElement value, in ValueInput input)
    {
        var text = input.String(value, "status", "a status title or {\"status\": title or id}");
        foreach (var status in input.Attribute.Statuses)
        {
            if (status.Title == text || status.Id.ToString() == text)
            {
                return new(input.Slot, input.Now, status);
            }
        }

        throw Fail.ValueNotFound($"Status \"{text}\" was not found on attribute \"{input.Attribute.ApiSlug}\".");
    }

    public override string? Field(string property) => property == "status" ? Status.Title : null;

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute)
    {
        writer.WriteStartObject("status");
        writer.WriteStartObject("id");
        writer.WriteString("workspace_id", Workspace.Id);
        writer.WriteString("object_id", attribute.Owner.Id);
        writer.WriteString("attribute_id", attribute.Id);
        writer.WriteString("status_id", Status.Id);
        writer.WriteEndObject();
        writer.WriteString("title", Status.Title);
        writer.WriteBoolean("is_archived", Status.IsArchived);
        writer.WriteBoolean("celebration_enabled", Status.CelebrationEnabled);
        writer.WriteString("target_time_in_status", Status.TargetTimeInStatus);
        writer.WriteEndObject();
    }
}

using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary><c>select</c>: an option title or id, or <c>{"option": title or id}</c>; an unknown option is refused (B5).</summary>
internal sealed class SelectValue(int slot, long activeFrom, SelectOption option) : ValueItem(slot, activeFrom)
{
    public SelectOption Option { get; } = option;

    public override string Key => Option.Id.ToString();

    public override string DefaultField => "option";

    public static SelectValue Parse(JsonElement value, in ValueInput input)
    {
        var text = input.String(value, "option", "an option title or {\"option\": title or id}");
        foreach (var option in input.Attribute.Options)
        {
            if (option.Title == text || option.Id.ToString() == text)
            {
                return new(input.Slot, input.Now, option);
            }
        }

        throw Fail.ValueNotFound($"Select option \"{text}\" was not found on attribute \"{input.Attribute.ApiSlug}\".");
    }

    public override string? Field(string property) => property == "option" ? Option.Title : null;

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute)
    {
        writer.WriteStartObject("option");
        writer.WriteStartObject("id");
        writer.WriteString("workspace_id", Workspace.Id);
        writer.WriteString("object_id", attribute.Owner.Id);
        writer.WriteString("attribute_id", attribute.Id);
        writer.WriteString("option_id", Option.Id);
        writer.WriteEndObject();
        writer.WriteString("title", Option.Title);
        writer.WriteBoolean("is_archived", Option.IsArchived);
        writer.WriteEndObject();
    }
}

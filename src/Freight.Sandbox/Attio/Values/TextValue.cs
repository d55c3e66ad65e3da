using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary><c>text</c>: <c>"str"</c> or <c>{"value":"str"}</c>.</summary>
internal sealed class TextValue(int slot, long activeFrom, string value) : ValueItem(slot, activeFrom)
{
    // Attio limits text values to 10 MB.
    private const int MaxLength = 10 * 1024 * 1024;

    public string Value { get; } = value;

    public override string Key => Value;

    public override string DefaultField => "value";

    public static TextValue Parse(JsonElement value, in ValueInput input)
    {
        var text = input.String(value, "value", "a string or {\"value\": string}");
        return text.Length > MaxLength ? throw input.Invalid("text values are limited to 10 MB.") : new(input.Slot, input.Now, input.Attribute.IsUnique ? text : input.Workspace.Share(text));
    }

    public override string? Field(string property) => property == "value" ? Value : null;

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute) => writer.WriteString("value", Value);
}

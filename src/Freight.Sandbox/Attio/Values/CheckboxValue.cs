using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary><c>checkbox</c>: true/false, <c>{"value": bool}</c>, or the strings "true" and "false".</summary>
internal sealed class CheckboxValue(int slot, long activeFrom, bool value) : ValueItem(slot, activeFrom)
{
    public bool Value { get; } = value;

    public override string Key => Value ? "true" : "false";

    public override string DefaultField => "value";

    public static CheckboxValue Parse(JsonElement value, in ValueInput input)
    {
        var inner = input.Unwrap(value, "value", "a boolean");
        bool? flag = inner.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when inner.ValueEquals("true") => true,
            JsonValueKind.String when inner.ValueEquals("false") => false,
            _ => null,
        };
        return flag is { } checkedState ? new(input.Slot, input.Now, checkedState) : throw input.WrongType("a boolean");
    }

    public override string? Field(string property) => property == "value" ? Key : null;

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute) => writer.WriteBoolean("value", Value);
}

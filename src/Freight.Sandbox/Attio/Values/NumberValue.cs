using System.Globalization;
using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary><c>number</c> and <c>rating</c> (0–5): a number or <c>{"value": number}</c>, kept as a 64-bit float.</summary>
internal sealed class NumberValue(int slot, long activeFrom, double value) : ValueItem(slot, activeFrom)
{
    public double Value { get; } = value;

    public override string Key => Value.ToString("R", CultureInfo.InvariantCulture);

    public override string DefaultField => "value";

    public static NumberValue Parse(JsonElement value, in ValueInput input)
    {
        var number = Read(input.Unwrap(value, "value", "a number or {\"value\": number}"), input);
        if (input.Attribute.Type == AttributeType.Rating && (number < 0 || number > 5 || number != Math.Floor(number)))
        {
            throw input.Invalid("a rating is a whole number from 0 to 5.");
        }

        return new(input.Slot, input.Now, number);
    }

    public static double Read(JsonElement value, in ValueInput input) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw input.WrongType("a finite number");

    public override string? Field(string property) => property == "value" ? Key : null;

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute) => writer.WriteNumber("value", Value);
}

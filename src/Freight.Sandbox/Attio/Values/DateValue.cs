using System.Globalization;
using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary><c>date</c>: an ISO string (or <c>{"value"}</c>), converted to UTC, then trimmed to the day.</summary>
internal sealed class DateValue(int slot, long activeFrom, DateOnly value) : ValueItem(slot, activeFrom)
{
    public DateOnly Value { get; } = value;

    public override string Key => Value.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    public override string DefaultField => "value";

    public static DateValue Parse(JsonElement value, in ValueInput input)
    {
        var text = input.String(value, "value", "an ISO 8601 date string");
        return IsoTime.TryParse(text, out var utc)
            ? new(input.Slot, input.Now, DateOnly.FromDateTime(utc.UtcDateTime))
            : throw input.Invalid($"\"{text}\" is not an ISO 8601 date.");
    }

    public override string? Field(string property) => property == "value" ? Key : null;

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute) => writer.WriteString("value", Key);
}

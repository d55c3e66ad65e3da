using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary><c>timestamp</c>: an ISO string (or <c>{"value"}</c>), UTC when it has no zone, returned in UTC with nanoseconds.</summary>
internal sealed class TimestampValue(int slot, long activeFrom, long utcTicks) : ValueItem(slot, activeFrom)
{
    public long UtcTicks { get; } = utcTicks;

    public override string Key => AttioJson.Timestamp(UtcTicks);

    public override string DefaultField => "value";

    public static TimestampValue Parse(JsonElement value, in ValueInput input)
    {
        var text = input.String(value, "value", "an ISO 8601 timestamp string");
        return IsoTime.TryParse(text, out var utc)
            ? new(input.Slot, input.Now, utc.UtcTicks)
            : throw input.Invalid($"\"{text}\" is not an ISO 8601 timestamp.");
    }

    public override string? Field(string property) => property == "value" ? Key : null;

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute) => writer.WriteString("value", Key);
}

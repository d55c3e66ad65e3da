using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary>
/// <c>personal-name</c>: <c>{"first_name","last_name","full_name"}</c> (all three required), or the string
/// <c>"Last, First"</c>; a string without a comma is the first name only (B5).
/// </summary>
internal sealed class PersonalNameValue(int slot, long activeFrom, string first, string last, string full) : ValueItem(slot, activeFrom)
{
    private static readonly string[] Parts = ["first_name", "last_name", "full_name"];

    // The usual full name, "First Last", is not stored twice.
    private readonly string? _full = full == Usual(first, last) ? null : full;

    public string First { get; } = first;

    public string Last { get; } = last;

    public string Full => _full ?? Usual(First, Last);

    public override string Key => First + "\u001f" + Last + "\u001f" + Full;

    public override string DefaultField => "full_name";

    public static PersonalNameValue Parse(JsonElement value, in ValueInput input)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!.Trim();
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                return new(input.Slot, input.Now, input.Workspace.Share(text), "", text);
            }

            var last = input.Workspace.Share(text[..comma].Trim());
            var first = input.Workspace.Share(text[(comma + 1)..].Trim());
            return new(input.Slot, input.Now, first, last, Usual(first, last));
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw input.WrongType("{\"first_name\", \"last_name\", \"full_name\"} or a \"Last, First\" string");
        }

        var parts = new string[3];
        for (var i = 0; i < Parts.Length; i++)
        {
            if (!value.TryGetProperty(Parts[i], out var part) || part.ValueKind != JsonValueKind.String)
            {
                throw input.Invalid($"\"{Parts[i]}\" is required and must be a string.");
            }

            parts[i] = part.GetString()!;
        }

        return new(input.Slot, input.Now, input.Workspace.Share(parts[0]), input.Workspace.Share(parts[1]), parts[2]);
    }

    private static string Usual(string first, string last) => $"{first} {last}".Trim();

    public override string? Field(string property) => property switch
    {
        "first_name" => First,
        "last_name" => Last,
        "full_name" => Full,
        _ => null,
    };

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute)
    {
        writer.WriteString("first_name", First);
        writer.WriteString("last_name", Last);
        writer.WriteString("full_name", Full);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace Freight.Sandbox.Attio;

/// <summary>
/// <c>location</c>: an object with all ten keys (null allowed), or free text. Attio geocodes free text; the
/// simulator keeps it whole in <c>line_1</c> [UNCONFIRMED: it cannot geocode].
/// </summary>
internal sealed partial class LocationValue(int slot, long activeFrom, string?[] parts) : ValueItem(slot, activeFrom)
{
    public static readonly string[] Keys =
        ["line_1", "line_2", "line_3", "line_4", "locality", "region", "postcode", "country_code", "latitude", "longitude"];

    private readonly string?[] _parts = parts;

    public override string Key => string.Join('\u001f', _parts);

    public override string DefaultField => "locality";

    public static LocationValue Parse(JsonElement value, in ValueInput input)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!.Trim();
            return new(input.Slot, input.Now, [text.Length == 0 ? null : text, null, null, null, null, null, null, null, null, null]);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw input.WrongType("a location object with all ten keys, or a string");
        }

        var parts = new string?[Keys.Length];
        for (var i = 0; i < Keys.Length; i++)
        {
            if (!value.TryGetProperty(Keys[i], out var part) || part.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw input.Invalid($"\"{Keys[i]}\" is required and must be a string or null; a location object needs all ten keys.");
            }

            parts[i] = part.GetString();
        }

        foreach (var property in value.EnumerateObject())
        {
            if (Array.IndexOf(Keys, property.Name) < 0)
            {
                throw input.Invalid($"unexpected property \"{property.Name}\".");
            }
        }

        if (parts[7] is { } country && !Countries.IsCountry(country))
        {
            throw input.Invalid($"\"{country}\" is not an ISO 3166-1 alpha-2 country code.");
        }

        if ((parts[8] is { } latitude && !Latitude().IsMatch(latitude)) || (parts[9] is { } longitude && !Longitude().IsMatch(longitude)))
        {
            throw input.Invalid("latitude and longitude must be decimal degrees within range.");
        }

        return new(input.Slot, input.Now, parts);
    }

    public override string? Field(string property) => Array.IndexOf(Keys, property) is var i and >= 0 ? _parts[i] : null;

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute)
    {
        for (var i = 0; i < Keys.Length; i++)
        {
            writer.WriteString(Keys[i], _parts[i]);
        }
    }

    [GeneratedRegex(@"^[-+]?([1-8]?\d(\.\d+)?|90(\.0+)?)$")]
    private static partial Regex Latitude();

    [GeneratedRegex(@"^[-+]?(180(\.0+)?|((1[0-7]\d)|([1-9]?\d))(\.\d+)?)$")]
    private static partial Regex Longitude();
}

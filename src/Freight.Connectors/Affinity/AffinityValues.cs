using System.Text.Json;

namespace Freight.Connectors.Affinity;

/// <summary>
/// Affinity v2 value types and field data (CRM_APIS.md A6) in the canonical shapes documented on
/// <see cref="FieldValue"/>. Types with no canonical form (formula-number, interaction) are left out.
/// </summary>
internal static class AffinityValues
{
    private const string MultiSuffix = "-multi";

    /// <summary>The canonical type of an Affinity <c>valueType</c>, and whether it holds several values; null when it has none.</summary>
    public static (FieldType Type, bool Multiple)? MapType(string valueType)
    {
        var multiple = valueType.EndsWith(MultiSuffix, StringComparison.Ordinal);
        FieldType? type = (multiple ? valueType[..^MultiSuffix.Length] : valueType) switch
        {
            "text" or "filterable-text" => FieldType.Text,
            "number" => FieldType.Number,
            "datetime" => FieldType.Date,
            "dropdown" => FieldType.Select,
            "ranked-dropdown" => FieldType.RankedSelect,
            "person" => FieldType.Person,
            "company" => FieldType.Company,
            "location" => FieldType.Location,
            _ => null,
        };
        return type is { } known ? (known, multiple) : null;
    }

    /// <summary>The canonical values of the fields that have one; fields without data (null, or an empty multi value) are left out.</summary>
    public static List<FieldValue> Convert(IReadOnlyList<WireField>? fields, Func<WireField, bool> keep)
    {
        var values = new List<FieldValue>(fields?.Count ?? 0);
        foreach (var field in fields ?? [])
        {
            if (keep(field) && field.Value is { } value && Convert(value) is { } canonical)
            {
                values.Add(new FieldValue(field.Id, canonical));
            }
        }

        return values;
    }

    /// <summary>The canonical form of one value, or null when it holds nothing the canonical records carry.</summary>
    public static JsonElement? Convert(WireValue value)
    {
        if (MapType(value.Type) is not var (type, multiple) || value.Data.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (!multiple)
        {
            return Single(type, value.Data);
        }

        if (value.Data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var items = new List<JsonElement>(value.Data.GetArrayLength());
        foreach (var item in value.Data.EnumerateArray())
        {
            if (Single(type, item) is { } single)
            {
                items.Add(single);
            }
        }

        return items.Count == 0 ? null : JsonSerializer.SerializeToElement(items);
    }

    /// <summary>The option's text of a dropdown or ranked-dropdown value, with its rank when ranked.</summary>
    public static (string Text, long Id, int? Rank)? Option(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
        && data.TryGetProperty("dropdownOptionId", out var id) && id.TryGetInt64(out var optionId)
            ? (text.GetString()!, optionId, data.TryGetProperty("rank", out var rank) && rank.TryGetInt32(out var r) ? r : null)
            : null;

    private static JsonElement? Single(FieldType type, JsonElement data)
    {
        switch (type)
        {
            case FieldType.Text or FieldType.Date when data.ValueKind == JsonValueKind.String:
            case FieldType.Number when data.ValueKind == JsonValueKind.Number:
                return data.Clone();
            case FieldType.Select or FieldType.RankedSelect when Option(data) is { } option:
                return JsonSerializer.SerializeToElement(option.Text);
            case FieldType.Person or FieldType.Company when data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("id", out var id) && id.TryGetInt64(out var referenceId):
                return JsonSerializer.SerializeToElement(referenceId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case FieldType.Location when data.ValueKind == JsonValueKind.Object:
                return JsonSerializer.SerializeToElement(new Dictionary<string, string?>
                {
                    ["street_address"] = Text(data, "streetAddress"),
                    ["city"] = Text(data, "city"),
                    ["state"] = Text(data, "state"),
                    ["country"] = Text(data, "country"),
                });
            default:
                return null;
        }
    }

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

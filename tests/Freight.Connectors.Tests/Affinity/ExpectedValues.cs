using System.Globalization;
using System.Text.Json;
using Freight.Sandbox.Dataset;
using DatasetValue = Freight.Sandbox.Dataset.FieldValue;

namespace Freight.Connectors.Tests.Affinity;

/// <summary>The canonical JSON a dataset value must read as (FieldValue's documented shapes), or null when absent.</summary>
internal static class ExpectedValues
{
    public static Dictionary<string, string> Of(IEnumerable<DatasetValue> values) =>
        values.Select(v => (v.FieldId, Json: Of(v)))
            .Where(v => v.Json is not null)
            .ToDictionary(v => v.FieldId, v => v.Json!);

    public static Dictionary<string, string> Of(IEnumerable<Connectors.FieldValue> values) =>
        values.ToDictionary(v => v.FieldId, v => v.Value.GetRawText());

    private static string? Of(DatasetValue value)
    {
        object? canonical = value.Type switch
        {
            FieldValueType.Text => value.Text,
            FieldValueType.Number => (object?)value.Number ?? NonEmpty(value.Numbers),
            FieldValueType.Datetime => value.Datetime?.UtcDateTime,
            FieldValueType.Dropdown or FieldValueType.RankedDropdown =>
                (object?)value.Option?.Text ?? NonEmpty(value.Options?.Select(o => o.Text).ToList()),
            FieldValueType.Person or FieldValueType.Company =>
                (object?)value.ReferenceId?.ToString(CultureInfo.InvariantCulture)
                ?? NonEmpty(value.ReferenceIds?.Take(100).Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList()),
            _ => (object?)Location(value.Location) ?? NonEmpty(value.Locations?.Select(Location).ToList()),
        };
        return canonical is null ? null : JsonSerializer.Serialize(canonical, JsonSerializerOptions.Web);
    }

    private static Dictionary<string, string?>? Location(Location? location) => location is null ? null : new()
    {
        ["street_address"] = location.StreetAddress,
        ["city"] = location.City,
        ["state"] = location.State,
        ["country"] = location.Country,
    };

    private static object? NonEmpty<T>(IReadOnlyList<T>? items) => items is { Count: > 0 } ? items : null;
}

using System.Globalization;
using System.Text.Json;

namespace Freight.Connectors.Attio;

public sealed partial class AttioTarget
{
    /// <summary>
    /// Adds the custom field values to <paramref name="values"/> by attribute slug. References to records Attio does not
    /// hold yet (one query per referenced object) and fields the schema does not know are left out with a warning.
    /// </summary>
    private async Task AddFieldsAsync(
        Dictionary<string, object?> values, IReadOnlyList<FieldValue> fields, List<string> warnings, CancellationToken cancellationToken)
    {
        var schema = Schema;
        var mapped = new List<(FieldValue Value, MappedField Field)>();
        foreach (var value in fields)
        {
            if (schema.Fields.TryGetValue(value.FieldId, out var field))
            {
                mapped.Add((value, field));
            }
            else
            {
                warnings.Add($"Field {value.FieldId} is not in the source schema Attio was prepared with; its value was left out.");
            }
        }

        var existing = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in mapped.Where(m => IsReference(m.Field.Kind)).GroupBy(m => ReferencedObject(m.Field.Kind)))
        {
            var ids = group.SelectMany(m => Items(m.Value.Value)).Select(Scalar).ToList();
            var found = await QueryByAffinityIdsAsync(group.Key, ids, cancellationToken).ConfigureAwait(false);
            existing[group.Key] = [.. found.Keys];
        }

        foreach (var (value, field) in mapped)
        {
            if (value.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            values[field.Slug] = IsReference(field.Kind)
                ? References(value, field, existing[ReferencedObject(field.Kind)], warnings)
                : Convert(value.Value, field);
        }
    }

    private static object? Convert(JsonElement value, MappedField field) => field.Kind switch
    {
        AttioValueKind.Number when value.ValueKind == JsonValueKind.Number => value.GetDouble(),
        AttioValueKind.Location => LocationText(value),
        AttioValueKind.JoinedText => string.Join("; ", Items(value).Select(item => item.ValueKind == JsonValueKind.Object ? LocationText(item) : Scalar(item))),
        AttioValueKind.Select when field.Multiple => Items(value).Select(Scalar).ToArray(),
        _ => Items(value).Select(Scalar).FirstOrDefault(),
    };

    private static Dictionary<string, object>[] References(FieldValue value, MappedField field, HashSet<string> existing, List<string> warnings)
    {
        var target = ReferencedObject(field.Kind);
        var ids = Items(value.Value).Select(Scalar).ToList();
        var missing = ids.Where(id => !existing.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            warnings.Add($"Field {value.FieldId} refers to {target} {string.Join(", ", missing)} that Attio does not hold (yet); "
                + "those references were left out.");
        }

        var references = ids.Where(existing.Contains).Select(id => Reference(target, id)).ToArray();
        return field.Multiple ? references : references.Take(1).ToArray();
    }

    /// <summary>A record reference by the target's unique <c>affinity_id</c> (B5's reference-by-unique-attribute form).</summary>
    private static Dictionary<string, object> Reference(string targetObject, string affinityId) => new()
    {
        ["target_object"] = targetObject,
        [AttioSchemaMap.AffinityId] = new[] { affinityId },
    };

    private static bool IsReference(AttioValueKind kind) => kind is AttioValueKind.PersonReference or AttioValueKind.CompanyReference;

    private static string ReferencedObject(AttioValueKind kind) => kind == AttioValueKind.PersonReference ? "people" : "companies";

    private static IEnumerable<JsonElement> Items(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                yield return value;
            }

            yield break;
        }

        foreach (var item in value.EnumerateArray())
        {
            yield return item;
        }
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };

    /// <summary>A location as the free text Attio parses: street, city, state, country.</summary>
    private static string LocationText(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Scalar(value);
        }

        string?[] parts =
        [
            Part(value, "street_address"), Part(value, "city"), Part(value, "state"), Part(value, "country"),
        ];
        return string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

        static string? Part(JsonElement location, string name) =>
            location.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.String ? part.GetString() : null;
    }
}

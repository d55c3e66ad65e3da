using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Affinity;

// Field data on v2 entities and list entries (CRM_APIS.md A6 "Field value type → data"): a selected
// field is always sent, with data null when the record has no value; a multi value is an array,
// null when empty, and nested person and company arrays stop at 100 items.

internal sealed record FieldDto(string Id, string Name, string Type, string? EnrichmentSource, FieldValueDto Value);

/// <summary><see cref="Data"/> is typed by <see cref="Type"/>; it is serialized as its runtime type.</summary>
internal sealed record FieldValueDto(string Type, object? Data);

internal sealed record DropdownDto(long DropdownOptionId, string Text);

internal sealed record RankedDropdownDto(long DropdownOptionId, string Text, int Rank, string? Color);

internal static class FieldData
{
    /// <summary>Nested person and company arrays are cut here (the spec's <c>maxItems</c>).</summary>
    public const int MaxReferences = 100;

    /// <summary>The selected fields of a record, in selection order, from the record's values.</summary>
    public static List<FieldDto> Of(IReadOnlyList<Field> selected, IReadOnlyList<FieldValue> values, SandboxDataset data)
    {
        var fields = new List<FieldDto>(selected.Count);
        foreach (var field in selected)
        {
            fields.Add(new FieldDto(field.Id, field.Name, FieldType(field), EnrichmentSource(field), Value(field, Find(values, field.Id), data)));
        }

        return fields;
    }

    /// <summary>Like <see cref="Of(IReadOnlyList{Field}, IReadOnlyList{FieldValue}, SandboxDataset)"/> over an entity's and its entry's values.</summary>
    public static List<FieldDto> Of(IReadOnlyList<Field> selected, IReadOnlyList<FieldValue> entity, IReadOnlyList<FieldValue> entry, SandboxDataset data)
    {
        var fields = new List<FieldDto>(selected.Count);
        foreach (var field in selected)
        {
            var value = Find(field.ListId is null ? entity : entry, field.Id);
            fields.Add(new FieldDto(field.Id, field.Name, FieldType(field), EnrichmentSource(field), Value(field, value, data)));
        }

        return fields;
    }

    /// <summary>The field's kind as v2 names it: the dataset's fields are global or list fields.</summary>
    public static string FieldType(Field field) => Enrichment.IsEnriched(field) ? "enriched" : field.ListId is null ? "global" : "list";

    public static string? EnrichmentSource(Field field) => Enrichment.IsEnriched(field) ? Enrichment.Source : null;

    public static string ValueType(Field field) => field.AllowsMultiple ? WireName(field.ValueType) + "-multi" : WireName(field.ValueType);

    private static FieldValue? Find(IReadOnlyList<FieldValue> values, string fieldId)
    {
        foreach (var value in values)
        {
            if (value.FieldId == fieldId)
            {
                return value;
            }
        }

        return null;
    }

    private static FieldValueDto Value(Field field, FieldValue? value, SandboxDataset data) => new(
        ValueType(field),
        value is null ? null : field.AllowsMultiple ? Multi(value, data) : Single(value, data));

    private static object? Single(FieldValue value, SandboxDataset data) => value.Type switch
    {
        FieldValueType.Text => value.Text,
        FieldValueType.Number => value.Number,
        FieldValueType.Datetime => value.Datetime?.UtcDateTime,
        FieldValueType.Dropdown => value.Option is { } option ? new DropdownDto(option.Id, option.Text) : null,
        FieldValueType.RankedDropdown => value.Option is { } option ? Ranked(option) : null,
        FieldValueType.Person => value.ReferenceId is { } id ? EntityData.Person(data, id) : null,
        FieldValueType.Company => value.ReferenceId is { } id ? EntityData.Company(data, id) : null,
        _ => value.Location,
    };

    // An empty multi value is null on the wire, never [].
    private static object? Multi(FieldValue value, SandboxDataset data)
    {
        object? items = value.Type switch
        {
            FieldValueType.Dropdown => value.Options?.Select(o => new DropdownDto(o.Id, o.Text)).ToList(),
            FieldValueType.RankedDropdown => value.Options?.Select(Ranked).ToList(),
            FieldValueType.Person => value.ReferenceIds?.Take(MaxReferences).Select(id => EntityData.Person(data, id)).ToList(),
            FieldValueType.Company => value.ReferenceIds?.Take(MaxReferences).Select(id => EntityData.Company(data, id)).ToList(),
            FieldValueType.Location => value.Locations,
            FieldValueType.Number => value.Numbers,
            _ => null,
        };
        return items is System.Collections.ICollection { Count: > 0 } ? items : null;
    }

    private static RankedDropdownDto Ranked(DropdownOption option) => new(option.Id, option.Text, option.Rank ?? 0, option.Color);

    private static string WireName(FieldValueType type) => type switch
    {
        FieldValueType.Text => "text",
        FieldValueType.Number => "number",
        FieldValueType.Datetime => "datetime",
        FieldValueType.Dropdown => "dropdown",
        FieldValueType.RankedDropdown => "ranked-dropdown",
        FieldValueType.Person => "person",
        FieldValueType.Company => "company",
        _ => "location",
    };
}

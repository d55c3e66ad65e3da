namespace Freight.Connectors.Attio;

/// <summary>How a source custom field is written in Attio.</summary>
internal enum AttioValueKind
{
    Text,
    Number,
    Timestamp,
    Select,
    Status,
    PersonReference,
    CompanyReference,
    Location,

    /// <summary>A multi-value field of a type Attio cannot hold several of (number, date, text, location): one text, values joined by "; ".</summary>
    JoinedText,
}

/// <summary>One source field's Attio attribute: its slug on its object or list, the kind of value, and whether it holds several.</summary>
internal sealed record MappedField(string Slug, AttioValueKind Kind, bool Multiple);

/// <summary>What <see cref="AttioTarget.EnsureSchemaAsync"/> found or made, for the writes that follow. Immutable once built.</summary>
internal sealed record AttioSchemaMap(
    IReadOnlyDictionary<string, MappedField> Fields,
    IReadOnlyDictionary<string, string> ListSlugs,
    IReadOnlyList<string> MemberEmails,
    IReadOnlyList<string> Stages)
{
    public const string AffinityId = "affinity_id";

    /// <summary>The stable slug of a source field's attribute: <c>affinity_</c> + the field id in snake case.</summary>
    public static string FieldSlug(string fieldId) => "affinity_" + Snake(fieldId);

    /// <summary>The stable slug of a source list's Attio list.</summary>
    public static string ListSlug(string listId) => "affinity_list_" + Snake(listId);

    public static string ObjectOf(EntityKind kind) => kind switch
    {
        EntityKind.Companies => "companies",
        EntityKind.People => "people",
        EntityKind.Deals => "deals",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only companies, people and deals are Attio objects."),
    };

    public static AttioValueKind KindOf(FieldDefinition field, bool onList)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Type switch
        {
            FieldType.Select => AttioValueKind.Select,
            FieldType.RankedSelect => onList && !field.Multiple ? AttioValueKind.Status : AttioValueKind.Select,
            FieldType.Person => AttioValueKind.PersonReference,
            FieldType.Company => AttioValueKind.CompanyReference,
            _ when field.Multiple => AttioValueKind.JoinedText,
            FieldType.Number => AttioValueKind.Number,
            FieldType.Date => AttioValueKind.Timestamp,
            FieldType.Location => AttioValueKind.Location,
            _ => AttioValueKind.Text,
        };
    }

    public static string AttributeType(AttioValueKind kind) => kind switch
    {
        AttioValueKind.Number => "number",
        AttioValueKind.Timestamp => "timestamp",
        AttioValueKind.Select => "select",
        AttioValueKind.Status => "status",
        AttioValueKind.PersonReference or AttioValueKind.CompanyReference => "record-reference",
        AttioValueKind.Location => "location",
        _ => "text",
    };

    private static string Snake(string id)
    {
        var chars = id.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_').ToArray();
        return new string(chars).Trim('_');
    }
}

namespace Freight.Sandbox.Attio;

/// <summary>Attio's attribute types (CRM_APIS.md B4); <see cref="AttributeTypes.Name"/> gives the wire name.</summary>
internal enum AttributeType
{
    Text,
    Number,
    Checkbox,
    Currency,
    Date,
    Timestamp,
    Rating,
    Status,
    Select,
    RecordReference,
    ActorReference,
    Location,
    Domain,
    EmailAddress,
    PhoneNumber,
    Interaction,
    PersonalName,
}

internal static class AttributeTypes
{
    private static readonly string[] Names =
    [
        "text", "number", "checkbox", "currency", "date", "timestamp", "rating", "status", "select", "record-reference",
        "actor-reference", "location", "domain", "email-address", "phone-number", "interaction", "personal-name",
    ];

    public static string Name(this AttributeType type) => Names[(int)type];

    /// <summary>The types <c>POST .../attributes</c> accepts: all but interaction and personal-name (ATT-SPEC).</summary>
    public static bool TryParseCreatable(string? name, out AttributeType type)
    {
        var index = Array.IndexOf(Names, name);
        type = (AttributeType)Math.Max(index, 0);
        return index >= 0 && type is not (AttributeType.Interaction or AttributeType.PersonalName);
    }

    /// <summary>
    /// Types that may hold several values. Attio allows multiselect "only on some value types"; these are the ones
    /// its standard objects use or its UI offers [UNCONFIRMED beyond that].
    /// </summary>
    public static bool AllowsMultiselect(this AttributeType type) => type is AttributeType.Select or AttributeType.RecordReference
        or AttributeType.ActorReference or AttributeType.EmailAddress or AttributeType.Domain or AttributeType.PhoneNumber;

    /// <summary>Select attributes cannot be unique (B4).</summary>
    public static bool AllowsUnique(this AttributeType type) => type != AttributeType.Select;
}

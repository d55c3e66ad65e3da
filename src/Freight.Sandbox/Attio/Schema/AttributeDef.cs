namespace Freight.Sandbox.Attio;

/// <summary>The attributes whose values a record does not store but derives.</summary>
internal enum Derived
{
    None,
    RecordId,
    CreatedAt,
    CreatedBy,
}

/// <summary>
/// An attribute of an object or a list. Definitions do not change once created, except for their option
/// and status arrays, which are replaced whole so that a reader outside the lock sees a consistent array.
/// </summary>
internal sealed class AttributeDef
{
    public required Guid Id { get; init; }

    public required AttributeOwner Owner { get; init; }

    public required string ApiSlug { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required AttributeType Type { get; init; }

    public bool IsSystem { get; init; }

    public bool IsWritable { get; init; } = true;

    public bool IsRequired { get; init; }

    public bool IsUnique { get; init; }

    public bool IsMultiselect { get; init; }

    public Derived Derived { get; init; }

    /// <summary>Always false: the simulator has no archive route, but lists honour the flag.</summary>
    public bool IsArchived { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Position in the owner's attributes; values are stored under it.</summary>
    public int Ordinal { get; set; }

    /// <summary>The objects a record-reference may point to; null allows every object.</summary>
    public IReadOnlyList<ObjectDef>? AllowedObjects { get; init; }

    /// <summary>The other side of a relationship: writing one side updates the other (B5).</summary>
    public AttributeDef? Inverse { get; set; }

    public string? DefaultCurrency { get; init; }

    public string? CurrencyDisplay { get; init; }

    public SelectOption[] Options { get; set; } = [];

    public StatusOption[] Statuses { get; set; } = [];

    /// <summary>Unique values written while the attribute was unique, by value key: the O(1) uniqueness and assert lookup.</summary>
    public Dictionary<string, Row>? UniqueIndex { get; set; }

    public bool IsSlug(string slugOrId) =>
        string.Equals(ApiSlug, slugOrId, StringComparison.Ordinal) || (Guid.TryParse(slugOrId, out var id) && id == Id);
}

namespace Freight.Connectors;

/// <summary>What a source's records refer to: custom fields and lists.</summary>
public sealed record SourceSchema(IReadOnlyList<FieldDefinition> Fields, IReadOnlyList<ListDefinition> Lists);

/// <summary>
/// A custom field. <see cref="ListId"/> is set for a field that belongs to one list's entries, null for a
/// field of every record of <see cref="Entity"/>. <see cref="Options"/> are the titles a select may hold.
/// </summary>
public sealed record FieldDefinition(
    string Id,
    string Name,
    FieldType Type,
    bool Multiple,
    EntityKind Entity,
    string? ListId,
    IReadOnlyList<string> Options);

public enum FieldType
{
    Text,
    Number,
    Date,
    Select,

    /// <summary>A select whose options are ordered, such as a pipeline's stages.</summary>
    RankedSelect,

    /// <summary>A reference to a person of the source (<see cref="EntityKind.People"/>), by source id.</summary>
    Person,

    /// <summary>A reference to a company of the source (<see cref="EntityKind.Companies"/>), by source id.</summary>
    Company,
    Location,
}

/// <summary>A list of records of one kind (<see cref="Entity"/>: companies, people or deals).</summary>
public sealed record ListDefinition(string Id, string Name, EntityKind Entity);

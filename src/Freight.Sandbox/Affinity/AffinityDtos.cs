using System.Text.Json.Serialization;
using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Affinity;

// Affinity v2 wire shapes (CRM_APIS.md A6), camelCase through the web JSON defaults. Entities carry
// field data only when a request selects fields (A7 item 6): Fields is null, and left out, otherwise.
// Timestamps are UTC DateTimes, which serialize with a "Z" as Affinity's do.

internal sealed record PagedDto<T>(IReadOnlyList<T> Data, PaginationDto Pagination);

internal sealed record PaginationDto(
    string? PrevUrl,
    string? NextUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? TotalCount = null);

internal sealed record CompanyDto(
    long Id,
    string Name,
    string? Domain,
    IReadOnlyList<string> Domains,
    bool IsGlobal,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FieldDto>? Fields);

internal sealed record PersonDto(
    long Id,
    string FirstName,
    string? LastName,
    string? PrimaryEmailAddress,
    IReadOnlyList<string> EmailAddresses,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FieldDto>? Fields);

internal sealed record OpportunityDto(
    long Id,
    string Name,
    long ListId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FieldDto>? Fields = null);

/// <summary>A list as <c>/v2/lists</c> gives it (<c>ListWithType</c>).</summary>
internal sealed record ListDto(long Id, string Name, string Type, bool IsPublic, long OwnerId, long CreatorId);

/// <summary>A list as an entity's <c>/lists</c> gives it (<c>List</c>: no type).</summary>
internal sealed record ListSummaryDto(long Id, string Name, bool IsPublic, long OwnerId, long CreatorId);

/// <summary>A list entry with its entity (<c>ListEntryWithEntity</c>), discriminated by <see cref="Type"/>.</summary>
internal sealed record ListEntryDto(long Id, string Type, long ListId, DateTime CreatedAt, long CreatorId, object Entity);

/// <summary>An entity's own entry (<c>ListEntry</c>): no entity, and every field's data.</summary>
internal sealed record EntityListEntryDto(long Id, long ListId, DateTime CreatedAt, long CreatorId, IReadOnlyList<FieldDto> Fields);

internal sealed record FieldMetadataDto(string Id, string Name, string Type, string? EnrichmentSource, string ValueType);

internal sealed record WhoAmIDto(TenantDto Tenant, UserDto User, GrantDto Grant);

internal sealed record TenantDto(long Id, string Name, string Subdomain);

internal sealed record UserDto(long Id, string FirstName, string LastName, string EmailAddress);

internal sealed record GrantDto(string Type, IReadOnlyList<string> Scopes, DateTime CreatedAt);

internal static class AffinityMapping
{
    public static CompanyDto ToDto(this Company company, IReadOnlyList<FieldDto>? fields = null) =>
        new(company.Id, company.Name, company.Domain, company.Domains, IsGlobal: false, fields);

    public static PersonDto ToDto(this Person person, IReadOnlyList<FieldDto>? fields = null) => new(
        person.Id,
        person.FirstName,
        person.LastName,
        person.PrimaryEmailAddress,
        person.EmailAddresses,
        EntityData.PersonType(person),
        fields);

    public static OpportunityDto ToDto(this Opportunity opportunity, IReadOnlyList<FieldDto>? fields = null) =>
        new(opportunity.Id, opportunity.Name, opportunity.ListId, fields);

    public static ListDto ToDto(this CrmList list) =>
        new(list.Id, list.Name, WireName(list.Type), list.IsPublic, list.OwnerId, list.CreatorId);

    public static ListSummaryDto ToSummaryDto(this CrmList list) =>
        new(list.Id, list.Name, list.IsPublic, list.OwnerId, list.CreatorId);

    public static FieldMetadataDto ToDto(this Field field) =>
        new(field.Id, field.Name, FieldData.FieldType(field), FieldData.EnrichmentSource(field), FieldData.ValueType(field));

    /// <summary>
    /// The entry with its entity, whose fields are the selected ones (none when
    /// <paramref name="selected"/> is null); an entity missing from the dataset is sent as its bare id.
    /// </summary>
    public static ListEntryDto ToDto(this ListEntry entry, SandboxDataset data, IReadOnlyList<Field>? selected)
    {
        object entity = entry.Type switch
        {
            EntityType.Company => (object?)(data.Companies.FindById(entry.EntityId) is { } company
                ? company.ToDto(Selected(selected, company.Fields, entry.Fields, data))
                : null),
            EntityType.Person => data.Persons.FindById(entry.EntityId) is { } person
                ? person.ToDto(Selected(selected, Enrichment.ValuesOf(person), Associations.With(entry.Fields, person), data))
                : null,
            _ => data.Opportunities.FindById(entry.EntityId) is { } opportunity
                ? opportunity.ToDto(Selected(selected, [], Associations.With(entry.Fields, opportunity), data))
                : null,
        } ?? new { id = entry.EntityId };
        return new(entry.Id, WireName(entry.Type), entry.ListId, entry.CreatedAt.UtcDateTime, entry.CreatorId, entity);
    }

    public static string WireName(EntityType type) => type switch
    {
        EntityType.Company => "company",
        EntityType.Person => "person",
        _ => "opportunity",
    };

    private static List<FieldDto>? Selected(
        IReadOnlyList<Field>? selected, IReadOnlyList<FieldValue> entityValues, IReadOnlyList<FieldValue> entryValues, SandboxDataset data) =>
        selected is null ? null : FieldData.Of(selected, entityValues, entryValues, data);
}

using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Affinity;

// Affinity v2 wire shapes (CRM_APIS.md A6), camelCase through the web JSON defaults. Entities carry
// no field data: the simulator does not implement fieldIds/fieldTypes selection yet, and without it
// the real API sends none either (A7 item 6).

internal sealed record PagedDto<T>(IReadOnlyList<T> Data, PaginationDto Pagination);

internal sealed record PaginationDto(string? PrevUrl, string? NextUrl);

internal sealed record CompanyDto(long Id, string Name, string? Domain, IReadOnlyList<string> Domains, bool IsGlobal);

internal sealed record PersonDto(
    long Id,
    string FirstName,
    string? LastName,
    string? PrimaryEmailAddress,
    IReadOnlyList<string> EmailAddresses,
    string Type);

internal sealed record OpportunityDto(long Id, string Name, long ListId);

internal sealed record ListDto(long Id, string Name, string Type, bool IsPublic, long OwnerId, long CreatorId);

internal sealed record ListEntryDto(long Id, string Type, long ListId, DateTimeOffset CreatedAt, long CreatorId, object Entity);

internal sealed record FieldMetadataDto(string Id, string Name, string Type, string? EnrichmentSource, string ValueType);

internal sealed record WhoAmIDto(TenantDto Tenant, UserDto User, GrantDto Grant);

internal sealed record TenantDto(long Id, string Name, string Subdomain);

internal sealed record UserDto(long Id, string FirstName, string LastName, string EmailAddress);

internal sealed record GrantDto(string Type, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);

internal static class AffinityMapping
{
    public static CompanyDto ToDto(this Company company) =>
        new(company.Id, company.Name, company.Domain, company.Domains, IsGlobal: false);

    public static PersonDto ToDto(this Person person) => new(
        person.Id,
        person.FirstName,
        person.LastName,
        person.PrimaryEmailAddress,
        person.EmailAddresses,
        person.Type == PersonType.Internal ? "internal" : "external");

    public static OpportunityDto ToDto(this Opportunity opportunity) => new(opportunity.Id, opportunity.Name, opportunity.ListId);

    public static ListDto ToDto(this CrmList list) =>
        new(list.Id, list.Name, WireName(list.Type), list.IsPublic, list.OwnerId, list.CreatorId);

    public static FieldMetadataDto ToDto(this Field field) =>
        new(field.Id, field.Name, field.ListId is null ? "global" : "list", EnrichmentSource: null, WireName(field.ValueType));

    /// <summary>The entry with its entity; an entity missing from the dataset is sent as its bare id.</summary>
    public static ListEntryDto ToDto(this ListEntry entry, SandboxDataset data)
    {
        object entity = entry.Type switch
        {
            EntityType.Company => (object?)data.Companies.FindById(entry.EntityId)?.ToDto(),
            EntityType.Person => data.Persons.FindById(entry.EntityId)?.ToDto(),
            _ => data.Opportunities.FindById(entry.EntityId)?.ToDto(),
        } ?? new { id = entry.EntityId };
        return new(entry.Id, WireName(entry.Type), entry.ListId, entry.CreatedAt, entry.CreatorId, entity);
    }

    public static string WireName(EntityType type) => type switch
    {
        EntityType.Company => "company",
        EntityType.Person => "person",
        _ => "opportunity",
    };

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

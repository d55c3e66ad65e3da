namespace Freight.Sandbox.Dataset;

// Source records, modelled on Affinity v2 (CRM_APIS.md A6). Ids are per entity kind and start at 1,
// as in Affinity, where a person and a company may share an id. A record that the Attio target
// must refuse carries the reason in ExpectedRejection; every other record is valid.

/// <summary>An Affinity company (v1 calls it an organization).</summary>
public sealed record Company(
    long Id,
    string Name,
    string? Domain,
    IReadOnlyList<string> Domains,
    IReadOnlyList<FieldValue> Fields,
    Rejection? ExpectedRejection);

/// <summary>An Affinity person; a person may have no email and may belong to several companies.</summary>
public sealed record Person(
    long Id,
    string FirstName,
    string? LastName,
    string? PrimaryEmailAddress,
    IReadOnlyList<string> EmailAddresses,
    PersonType Type,
    IReadOnlyList<long> CompanyIds,
    IReadOnlyList<FieldValue> Fields,
    Rejection? ExpectedRejection);

public enum PersonType
{
    External,
    Internal,
}

/// <summary>An Affinity opportunity; it lives in one opportunity list (<see cref="ListId"/>).</summary>
public sealed record Opportunity(
    long Id,
    string Name,
    long ListId,
    IReadOnlyList<long> CompanyIds,
    IReadOnlyList<long> PersonIds,
    Rejection? ExpectedRejection);

/// <summary>A note attached to one or more persons, companies or opportunities.</summary>
public sealed record Note(
    long Id,
    NoteFormat Format,
    string Content,
    long CreatorId,
    IReadOnlyList<long> PersonIds,
    IReadOnlyList<long> CompanyIds,
    IReadOnlyList<long> OpportunityIds,
    DateTimeOffset CreatedAt,
    Rejection? ExpectedRejection);

public enum NoteFormat
{
    PlainText,
    Html,
}

public enum EntityType
{
    Company,
    Person,
    Opportunity,
}

/// <summary>An Affinity list of companies, persons or opportunities.</summary>
public sealed record CrmList(long Id, string Name, EntityType Type, bool IsPublic, long OwnerId, long CreatorId);

/// <summary>An entity's membership in a list, with the list-specific field values.</summary>
public sealed record ListEntry(
    long Id,
    long ListId,
    EntityType Type,
    long EntityId,
    DateTimeOffset CreatedAt,
    long CreatorId,
    IReadOnlyList<FieldValue> Fields);

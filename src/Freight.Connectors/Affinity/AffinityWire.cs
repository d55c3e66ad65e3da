using System.Text.Json;

namespace Freight.Connectors.Affinity;

// Affinity v2 answers as the source reads them (CRM_APIS.md A6), camelCase through the web JSON defaults. Only
// what the canonical records need is declared; System.Text.Json builds these, nothing else does.
#pragma warning disable CA1812

internal sealed record WirePage<T>(IReadOnlyList<T> Data, WirePagination? Pagination);

internal sealed record WirePagination(string? NextUrl);

internal sealed record WireCompany(long Id, string Name, string? Domain, IReadOnlyList<string>? Domains, IReadOnlyList<WireField>? Fields);

internal sealed record WirePerson(
    long Id,
    string FirstName,
    string? LastName,
    string? PrimaryEmailAddress,
    IReadOnlyList<string>? EmailAddresses,
    string? Type,
    IReadOnlyList<WireField>? Fields);

/// <summary>A field with its value; <see cref="WireValue.Data"/> is typed by <see cref="WireValue.Type"/>.</summary>
internal sealed record WireField(string Id, string? Name, string? Type, WireValue? Value);

internal sealed record WireValue(string Type, JsonElement Data);

internal sealed record WireFieldMetadata(string Id, string Name, string Type, string ValueType);

internal sealed record WireList(long Id, string Name, string Type);

internal sealed record WireEntry(long Id, string Type, long ListId, DateTimeOffset CreatedAt, long CreatorId, WireEntity Entity);

internal sealed record WireEntity(long Id, string? Name, IReadOnlyList<WireField>? Fields);

internal sealed record WireNote(
    long Id,
    string Type,
    WireNoteContent? Content,
    WirePersonData? Creator,
    DateTimeOffset CreatedAt,
    WirePreview? PersonsPreview,
    WirePreview? CompaniesPreview,
    WirePreview? OpportunitiesPreview);

internal sealed record WireNoteContent(string? Html);

internal sealed record WirePreview(IReadOnlyList<WireReference> Data, int TotalCount);

internal sealed record WireReference(long Id);

internal sealed record WirePersonData(long Id, string? FirstName, string? LastName, string? PrimaryEmailAddress, string? Type);

internal sealed record WireWhoAmI(WireUser User);

internal sealed record WireUser(long Id, string? FirstName, string? LastName, string? EmailAddress);

/// <summary>An option of a dropdown field; <see cref="Rank"/> only on ranked dropdowns.</summary>
internal sealed record WireDropdownOption(long Id, string Text, int? Rank);

using System.Net;
using System.Text.Json.Serialization;
using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Affinity;

// Beta v2 notes (CRM_APIS.md A6): every dataset note is an "entities" note. Its parents are only
// visible through the previews that includes= asks for, as in the real API.

internal sealed record NoteDto(
    long Id,
    string Type,
    NoteContentDto Content,
    PersonDataDto Creator,
    IReadOnlyList<object> Mentions,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RepliesCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PreviewDto<PersonDataDto>? PersonsPreview,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PreviewDto<CompanyDataDto>? CompaniesPreview,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PreviewDto<OpportunityDto>? OpportunitiesPreview);

internal sealed record NoteContentDto(string? Html);

internal sealed record PersonDataDto(long Id, string? FirstName, string? LastName, string? PrimaryEmailAddress, string Type);

internal sealed record CompanyDataDto(long Id, string Name, string? Domain);

internal sealed record PreviewDto<T>(IReadOnlyList<T> Data, int TotalCount);

/// <summary>The previews a notes request asked for with <c>includes=</c>.</summary>
internal readonly record struct NoteIncludes(bool Persons, bool Companies, bool Opportunities, bool RepliesCount)
{
    public static readonly string[] Names = ["personsPreview", "companiesPreview", "opportunitiesPreview", "repliesCount"];

    public static NoteIncludes From(IEnumerable<string?> values)
    {
        var set = values.ToHashSet(StringComparer.Ordinal);
        return new(set.Contains(Names[0]), set.Contains(Names[1]), set.Contains(Names[2]), set.Contains(Names[3]));
    }
}

internal static class NoteMapping
{
    // Previews, like nested person and company arrays, stop at 100 items (A6).
    private const int PreviewLimit = 100;

    public static NoteDto ToDto(this Note note, SandboxDataset data, NoteIncludes includes) => new(
        note.Id,
        "entities",
        new NoteContentDto(note.Format == NoteFormat.Html ? note.Content : "<p>" + WebUtility.HtmlEncode(note.Content) + "</p>"),
        PersonData(data, note.CreatorId),
        [],
        note.CreatedAt,
        null,
        includes.RepliesCount ? 0 : null,
        includes.Persons ? Preview(note.PersonIds, id => PersonData(data, id)) : null,
        includes.Companies ? Preview(note.CompanyIds, id => CompanyData(data, id)) : null,
        includes.Opportunities ? Preview(note.OpportunityIds, id => OpportunityData(data, id)) : null);

    private static PreviewDto<T> Preview<T>(IReadOnlyList<long> ids, Func<long, T> map) =>
        new([.. ids.Take(PreviewLimit).Select(map)], ids.Count);

    // A note attached to a person past the end of the dataset (a record Attio must reject) keeps the
    // dangling id, so the reference reaches the target as it is.
    private static PersonDataDto PersonData(SandboxDataset data, long id) =>
        data.Persons.FindById(id) is { } person
            ? new(person.Id, person.FirstName, person.LastName, person.PrimaryEmailAddress,
                person.Type == PersonType.Internal ? "internal" : "external")
            : new(id, null, null, null, "external");

    private static CompanyDataDto CompanyData(SandboxDataset data, long id) =>
        data.Companies.FindById(id) is { } company ? new(company.Id, company.Name, company.Domain) : new(id, "", null);

    private static OpportunityDto OpportunityData(SandboxDataset data, long id) =>
        data.Opportunities.FindById(id)?.ToDto() ?? new OpportunityDto(id, "", 0);
}

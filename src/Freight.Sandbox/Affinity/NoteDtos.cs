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
    DateTime CreatedAt,
    DateTime? UpdatedAt,
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
        EntityData.Person(data, note.CreatorId),
        [],
        note.CreatedAt.UtcDateTime,
        null,
        includes.RepliesCount ? 0 : null,
        includes.Persons ? Preview(note.PersonIds, id => EntityData.Person(data, id)) : null,
        includes.Companies ? Preview(note.CompanyIds, id => EntityData.Company(data, id)) : null,
        includes.Opportunities ? Preview(note.OpportunityIds, id => OpportunityData(data, id)) : null);

    private static PreviewDto<T> Preview<T>(IReadOnlyList<long> ids, Func<long, T> map) =>
        new([.. ids.Take(PreviewLimit).Select(map)], ids.Count);

    private static OpportunityDto OpportunityData(SandboxDataset data, long id) =>
        data.Opportunities.FindById(id)?.ToDto() ?? new OpportunityDto(id, "", 0);
}

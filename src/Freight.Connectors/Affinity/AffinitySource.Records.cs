using System.Net;
using System.Text.RegularExpressions;

namespace Freight.Connectors.Affinity;

public sealed partial class AffinitySource
{
    // The enriched field that names a person's current companies (company-multi); the only enriched data read.
    internal const string CurrentOrganizationField = "affinity-data-current-organization";

    private static readonly (string, string)[] GlobalFields = [("fieldTypes", "global")];
    private static readonly (string, string)[] PersonFields = [("fieldTypes", "global"), ("fieldTypes", "enriched")];
    private static readonly (string, string)[] ListFields = [("fieldTypes", "list")];
    private static readonly (string, string)[] NotePreviews =
        [("includes", "personsPreview"), ("includes", "companiesPreview"), ("includes", "opportunitiesPreview")];

    public Task<SourcePage> ReadPageAsync(EntityKind kind, string? cursor, CancellationToken cancellationToken) => kind switch
    {
        EntityKind.Companies => ReadCompaniesAsync(cursor, cancellationToken),
        EntityKind.People => ReadPeopleAsync(cursor, cancellationToken),
        EntityKind.Deals => ReadEntriesAsync("opportunity", cursor, DealAsync, cancellationToken),
        EntityKind.Notes => ReadNotesAsync(cursor, cancellationToken),
        EntityKind.ListEntries => ReadEntriesAsync(null, cursor, ListEntryAsync, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind the Affinity source reads."),
    };

    private async Task<SourcePage> ReadCompaniesAsync(string? cursor, CancellationToken cancellationToken)
    {
        var start = AffinityCursor.Parse(cursor, perList: false);
        var (companies, next) = await GetPageAsync<WireCompany>("v2/companies", GlobalFields, start.Page, "companies", cancellationToken).ConfigureAwait(false);
        var records = companies.Select(c => CanonicalJson.ToRecord(Id(c.Id), new CanonicalCompany(
            Id(c.Id),
            c.Name,
            c.Domains is { Count: > 0 } domains ? domains : c.Domain is { } domain ? [domain] : [],
            AffinityValues.Convert(c.Fields, f => f.Type == "global"))));
        return new SourcePage([.. records], next);
    }

    private async Task<SourcePage> ReadPeopleAsync(string? cursor, CancellationToken cancellationToken)
    {
        var start = AffinityCursor.Parse(cursor, perList: false);
        var (persons, next) = await GetPageAsync<WirePerson>("v2/persons", PersonFields, start.Page, "persons", cancellationToken).ConfigureAwait(false);
        var records = new List<SourceRecord>(persons.Count);
        foreach (var p in persons)
        {
            var emails = (p.EmailAddresses ?? []).ToList();
            if (p.PrimaryEmailAddress is { } primary && emails.Remove(primary))
            {
                emails.Insert(0, primary);
            }

            var companyIds = new List<string>();
            var current = p.Fields?.FirstOrDefault(f => f.Id == CurrentOrganizationField)?.Value;
            if (current is { } value && AffinityValues.Convert(value) is { } ids)
            {
                companyIds.AddRange(ids.ValueKind == System.Text.Json.JsonValueKind.Array
                    ? ids.EnumerateArray().Select(i => i.GetString()!)
                    : [ids.GetString()!]);
            }

            records.Add(CanonicalJson.ToRecord(Id(p.Id), new CanonicalPerson(
                Id(p.Id), p.FirstName, p.LastName, emails, companyIds, AffinityValues.Convert(p.Fields, f => f.Type == "global"))));
        }

        return new SourcePage(records, next);
    }

    /// <summary>One canonical note per parent in the note's previews: persons, then companies, then opportunities.</summary>
    private async Task<SourcePage> ReadNotesAsync(string? cursor, CancellationToken cancellationToken)
    {
        var start = AffinityCursor.Parse(cursor, perList: false);
        var (notes, next) = await GetPageAsync<WireNote>("v2/notes", NotePreviews, start.Page, "notes", cancellationToken).ConfigureAwait(false);
        var records = new List<SourceRecord>(notes.Count);
        foreach (var note in notes)
        {
            var (format, content) = Content(note.Content?.Html ?? "");
            foreach (var (kind, preview) in new[]
            {
                (EntityKind.People, note.PersonsPreview),
                (EntityKind.Companies, note.CompaniesPreview),
                (EntityKind.Deals, note.OpportunitiesPreview),
            })
            {
                if (preview is null)
                {
                    continue;
                }

                if (preview.TotalCount > preview.Data.Count)
                {
                    PreviewCut(_logger, note.Id, preview.Data.Count, preview.TotalCount, KindName(kind));
                }

                foreach (var parent in preview.Data)
                {
                    var id = $"{note.Id}:{KindName(kind)}:{parent.Id}";
                    records.Add(CanonicalJson.ToRecord(id, new CanonicalNote(
                        id, Id(note.Id), kind, Id(parent.Id), format, content, note.CreatedAt, note.Creator?.PrimaryEmailAddress)));
                }
            }
        }

        return new SourcePage(records, next);
    }

    /// <summary>
    /// v2 gives every note as HTML; one that is a single paragraph of text is plain text (Affinity's plain notes come
    /// back so), decoded, and any other is kept as HTML.
    /// </summary>
    internal static (NoteContentFormat Format, string Content) Content(string html)
    {
        var match = SingleParagraph().Match(html);
        return match.Success
            ? (NoteContentFormat.PlainText, WebUtility.HtmlDecode(match.Groups[1].Value))
            : (NoteContentFormat.Html, html);
    }

    internal static string KindName(EntityKind kind) => kind switch
    {
        EntityKind.Companies => "companies",
        EntityKind.People => "people",
        EntityKind.Deals => "deals",
        EntityKind.Notes => "notes",
        _ => "list_entries",
    };

    [GeneratedRegex("^<p>([^<]*)</p>$")]
    private static partial Regex SingleParagraph();
}

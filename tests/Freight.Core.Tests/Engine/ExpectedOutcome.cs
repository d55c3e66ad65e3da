using Freight.Core.Domain;
using Freight.Sandbox.Dataset;

namespace Freight.Core.Tests.Engine;

/// <summary>
/// What a migration of <see cref="SandboxDataset"/> into Attio must end with, worked out from the dataset alone:
/// the records the target must refuse, each with the Attio error it answers, and so how many records each object
/// holds afterwards.
/// </summary>
/// <remarks>
/// The dataset flags the records Attio itself refuses (<see cref="Rejection"/>). A record whose association
/// (a person's company, a deal's company or people, a note's or an entry's parent) names one of those is refused
/// in turn: Attio answers <c>value_not_found</c> for a reference to a record it does not hold (<c>not_found</c>
/// for a note's parent), and Freight never writes a record without its associations. Custom reference fields are
/// different: a value naming a record Attio does not hold is left out with a warning, as it may be a forward
/// reference, so they refuse nothing.
/// </remarks>
internal sealed class ExpectedOutcome
{
    private ExpectedOutcome(SandboxDataset data)
    {
        var companies = Refused(data.Companies, c => c.Id, c => c.ExpectedRejection is null ? null : "value_not_found");
        var persons = Refused(data.Persons, p => p.Id, p => p.ExpectedRejection is not null ? "validation_type"
            : p.CompanyIds.Count > 0 && !Holds(data.Companies, companies, p.CompanyIds[0]) ? "value_not_found"
            : null);
        var deals = Refused(data.Opportunities, o => o.Id, o =>
            o.ExpectedRejection is not null
            || (o.CompanyIds.Count > 0 && !Holds(data.Companies, companies, o.CompanyIds[0]))
            || o.PersonIds.Any(id => !Holds(data.Persons, persons, id))
                ? "value_not_found"
                : null);
        Failures = [];
        Add(Phase.Companies, companies);
        Add(Phase.People, persons);
        Add(Phase.Deals, deals);

        var notes = 0L;
        foreach (var note in data.Notes)
        {
            notes += Parents(note, data, companies, persons, deals);
        }

        Notes = notes;
        var entries = 0L;
        foreach (var entry in data.ListEntries)
        {
            var refused = entry.Type switch
            {
                EntityType.Company => companies,
                EntityType.Person => persons,
                _ => deals,
            };
            if (refused.ContainsKey(entry.EntityId))
            {
                Failures.Add($"ListEntries {entry.Id} not_found");
            }
            else
            {
                entries++;
            }
        }

        Entries = entries;
        Companies = data.Counts.Companies - companies.Count;
        People = data.Counts.Persons - persons.Count;
        Deals = data.Counts.Opportunities - deals.Count;
        Failures.Sort(StringComparer.Ordinal);
    }

    /// <summary>"Phase source-id code" of every record the job must list as failed, in ordinal order.</summary>
    public List<string> Failures { get; }

    public long Companies { get; }

    public long People { get; }

    public long Deals { get; }

    public long Notes { get; }

    public long Entries { get; }

    public static ExpectedOutcome Of(SandboxDataset data) => new(data);

    private long Parents(Note note, SandboxDataset data, Dictionary<long, string> companies, Dictionary<long, string> persons, Dictionary<long, string> deals)
    {
        var written = 0L;
        foreach (var (kind, count, refused, ids) in new (string, int, Dictionary<long, string>, IReadOnlyList<long>)[]
        {
            ("people", data.Counts.Persons, persons, note.PersonIds),
            ("companies", data.Counts.Companies, companies, note.CompanyIds),
            ("deals", data.Counts.Opportunities, deals, note.OpportunityIds),
        })
        {
            foreach (var parent in ids)
            {
                if (parent > count || refused.ContainsKey(parent))
                {
                    Failures.Add($"Notes {note.Id}:{kind}:{parent} not_found");
                }
                else
                {
                    written++;
                }
            }
        }

        return written;
    }

    private void Add(Phase phase, Dictionary<long, string> refused) =>
        Failures.AddRange(refused.Select(r => $"{phase} {r.Key} {r.Value}"));

    private static bool Holds<T>(RecordSet<T> records, Dictionary<long, string> refused, long id)
        where T : class =>
        id >= records.FirstId && id < records.FirstId + records.Count && !refused.ContainsKey(id);

    private static Dictionary<long, string> Refused<T>(IEnumerable<T> records, Func<T, long> id, Func<T, string?> code)
    {
        var refused = new Dictionary<long, string>();
        foreach (var record in records)
        {
            if (code(record) is { } reason)
            {
                refused[id(record)] = reason;
            }
        }

        return refused;
    }
}

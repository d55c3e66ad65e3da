using System.Globalization;

namespace Freight.Sandbox.Dataset;

/// <summary>
/// What a migration of <see cref="SandboxDataset"/> into Attio must end with, worked out from the dataset alone:
/// the records the target must refuse, each with the Attio error it answers, and so how many records each object
/// holds afterwards. Objects are named as Freight's API names a job's phases (<see cref="MigratedObjects"/>).
/// </summary>
/// <remarks>
/// The dataset flags the records Attio itself refuses (<see cref="Rejection"/>). A record whose association
/// (a person's company, a deal's company or people, a note's or an entry's parent) names one of those is refused
/// in turn: Attio answers <c>value_not_found</c> for a reference to a record it does not hold (<c>not_found</c>
/// for a note's parent), and Freight never writes a record without its associations. Custom reference fields are
/// different: a value naming a record Attio does not hold is left out with a warning, as it may be a forward
/// reference, so they refuse nothing. A note is written once per parent, so its records are note-parent pairs.
/// </remarks>
public sealed class ExpectedOutcome
{
    private readonly List<TargetRefusal> _refusals = [];
    private readonly Dictionary<string, long> _held = [];

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
        Add(MigratedObjects.Companies, companies);
        Add(MigratedObjects.People, persons);
        Add(MigratedObjects.Deals, deals);
        _held[MigratedObjects.Companies] = data.Counts.Companies - companies.Count;
        _held[MigratedObjects.People] = data.Counts.Persons - persons.Count;
        _held[MigratedObjects.Deals] = data.Counts.Opportunities - deals.Count;

        var notes = 0L;
        foreach (var note in data.Notes)
        {
            notes += Parents(note, data, companies, persons, deals);
        }

        _held[MigratedObjects.Notes] = notes;
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
                _refusals.Add(new(MigratedObjects.ListEntries, entry.Id.ToString(CultureInfo.InvariantCulture), "not_found"));
            }
            else
            {
                entries++;
            }
        }

        _held[MigratedObjects.ListEntries] = entries;
        _refusals.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
    }

    /// <summary>Every record the job must list as failed, ordered by <see cref="TargetRefusal.ToString"/> (ordinal).</summary>
    public IReadOnlyList<TargetRefusal> Refusals => _refusals;

    public long Companies => _held[MigratedObjects.Companies];

    public long People => _held[MigratedObjects.People];

    public long Deals => _held[MigratedObjects.Deals];

    public long Notes => _held[MigratedObjects.Notes];

    public long Entries => _held[MigratedObjects.ListEntries];

    public static ExpectedOutcome Of(SandboxDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(data);
    }

    /// <summary>Records of <paramref name="objectName"/> (one of <see cref="MigratedObjects.All"/>) the target holds afterwards.</summary>
    public long Held(string objectName) => _held[objectName];

    /// <summary>Records of <paramref name="objectName"/> the job reads: those the target holds and those it refuses.</summary>
    public long Source(string objectName) => _held[objectName] + _refusals.Count(f => f.ObjectName == objectName);

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
                    _refusals.Add(new(MigratedObjects.Notes, $"{note.Id}:{kind}:{parent}", "not_found"));
                }
                else
                {
                    written++;
                }
            }
        }

        return written;
    }

    private void Add(string objectName, Dictionary<long, string> refused) =>
        _refusals.AddRange(refused.Select(r => new TargetRefusal(objectName, r.Key.ToString(CultureInfo.InvariantCulture), r.Value)));

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

/// <summary>A record the target refuses: its object, its source id as a job lists its failures, and Attio's error code.</summary>
public sealed record TargetRefusal(string ObjectName, string SourceId, string Code)
{
    /// <summary><c>"object source-id code"</c>, e.g. <c>"people 42 validation_type"</c>.</summary>
    public override string ToString() => $"{ObjectName} {SourceId} {Code}";
}

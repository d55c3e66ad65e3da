namespace Freight.Sandbox.Dataset;

/// <summary>
/// A deterministic synthetic Affinity workspace. Every record is built on demand from
/// (seed, kind, index), so the same seed and size always give the same records, any slice is
/// built in time proportional to its length, and memory does not grow with the size.
/// </summary>
public sealed class SandboxDataset
{
    private readonly Traits _traits;
    private readonly CompanyFactory _companies;
    private readonly Dictionary<long, RecordSet<ListEntry>> _entriesByList;
    private readonly ListEntryFactory _entries;
    private readonly Lazy<ReverseIndex> _reverse;

    private SandboxDataset(int seed, DatasetCounts counts)
    {
        Seed = seed;
        Counts = counts;
        _traits = new Traits(seed);
        _companies = new CompanyFactory(seed, _traits, counts);
        var persons = new PersonFactory(seed, _traits, counts, _companies);
        var opportunities = new OpportunityFactory(seed, _traits, counts, _companies);
        var notes = new NoteFactory(seed, _traits, counts);
        var entries = _entries = new ListEntryFactory(seed, counts);
        _reverse = new(() => ReverseIndex.Build(counts, notes, persons), LazyThreadSafetyMode.ExecutionAndPublication);
        Companies = new RecordSet<Company>(counts.Companies, _companies.Create);
        Persons = new RecordSet<Person>(counts.Persons, persons.Create);
        Opportunities = new RecordSet<Opportunity>(counts.Opportunities, opportunities.Create);
        Notes = new RecordSet<Note>(counts.Notes, notes.Create);
        ListEntries = new RecordSet<ListEntry>(counts.ListEntries, entries.Create);
        Lists =
        [
            new(FieldCatalog.CompanyListId, "Pipeline", EntityType.Company, true, 1, 1),
            new(FieldCatalog.PersonListId, "Key contacts", EntityType.Person, false, Math.Min(2, counts.InternalPersons), 1),
            new(FieldCatalog.DealListId, "Deals", EntityType.Opportunity, true, 1, 1),
        ];
        _entriesByList = new Dictionary<long, RecordSet<ListEntry>>
        {
            [FieldCatalog.CompanyListId] = new(counts.CompanyListEntries, entries.Create),
            [FieldCatalog.PersonListId] = new(counts.PersonListEntries, entries.Create, counts.CompanyListEntries),
            [FieldCatalog.DealListId] = new(
                counts.OpportunityListEntries, entries.Create, counts.CompanyListEntries + counts.PersonListEntries),
        };
    }

    /// <summary>A dataset of <paramref name="companies"/> companies; every other kind scales with it (see <see cref="Proportions"/>).</summary>
    public static SandboxDataset Generate(int seed, int companies) => new(seed, DatasetCounts.ForCompanies(companies));

    /// <summary>The smallest dataset holding at least <paramref name="records"/> records in all (about 9.5 per company).</summary>
    public static SandboxDataset ForRecordCount(int seed, long records)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        var perCompany = DatasetCounts.ForCompanies(2).Records / 2.0;
        var companies = (int)Math.Min(Math.Ceiling(records / perCompany), DatasetCounts.MaxCompanies);
        while (companies > 1 && DatasetCounts.ForCompanies(companies - 1).Records >= records)
        {
            companies--;
        }

        while (DatasetCounts.ForCompanies(companies).Records < records && companies < DatasetCounts.MaxCompanies)
        {
            companies++;
        }

        return Generate(seed, companies);
    }

    public int Seed { get; }

    public DatasetCounts Counts { get; }

    public RecordSet<Company> Companies { get; }

    public RecordSet<Person> Persons { get; }

    public RecordSet<Opportunity> Opportunities { get; }

    public RecordSet<Note> Notes { get; }

    /// <summary>The entries of every list, ids 1..N; <see cref="EntriesOf"/> gives one list's.</summary>
    public RecordSet<ListEntry> ListEntries { get; }

    public IReadOnlyList<CrmList> Lists { get; }

    public IReadOnlyList<Field> Fields { get; } = FieldCatalog.All;

    /// <summary>The entries of one list, or null for an unknown list id.</summary>
    public RecordSet<ListEntry>? EntriesOf(long listId) => _entriesByList.GetValueOrDefault(listId);

    /// <summary>The entries that hold the entity, at most one per list (each list holds an entity once).</summary>
    public IReadOnlyList<ListEntry> EntriesFor(EntityType type, long entityId) =>
        _entries.EntryOf(type, entityId) is { } entry ? [entry] : [];

    /// <summary>
    /// Ids of the notes attached to the record, ascending; empty for an unknown id. The first call
    /// builds the reverse index (about 50 bytes per company; see <see cref="ReverseIndexBytes"/>).
    /// </summary>
    public IReadOnlyList<long> NoteIdsOf(EntityType type, long entityId)
    {
        var index = type switch
        {
            EntityType.Company => _reverse.Value.NotesByCompany,
            EntityType.Person => _reverse.Value.NotesByPerson,
            _ => _reverse.Value.NotesByOpportunity,
        };
        return Row(index, entityId);
    }

    /// <summary>Ids of the persons whose company ids include the company, ascending; empty for an unknown id.</summary>
    public IReadOnlyList<long> PersonIdsOf(long companyId) => Row(_reverse.Value.PersonsByCompany, companyId);

    /// <summary>The size of the reverse index behind <see cref="NoteIdsOf"/> and <see cref="PersonIdsOf"/>, building it if needed.</summary>
    public long ReverseIndexBytes => _reverse.Value.Bytes;

    /// <summary>Counts per kind and per kind of mess, computed without building the records.</summary>
    public DatasetSummary Summarize() => DatasetSummary.Of(Seed, Counts, _traits, _companies);

    private static long[] Row(IdIndex index, long id)
    {
        if (id < 1 || id > index.Rows)
        {
            return [];
        }

        var row = index.Row((int)id - 1);
        var ids = new long[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            ids[i] = row[i];
        }

        return ids;
    }
}

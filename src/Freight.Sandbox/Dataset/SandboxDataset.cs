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

    private SandboxDataset(int seed, DatasetCounts counts)
    {
        Seed = seed;
        Counts = counts;
        _traits = new Traits(seed);
        _companies = new CompanyFactory(seed, _traits, counts);
        var persons = new PersonFactory(seed, _traits, counts, _companies);
        var opportunities = new OpportunityFactory(seed, _traits, counts, _companies);
        var notes = new NoteFactory(seed, _traits, counts);
        var entries = new ListEntryFactory(seed, counts);
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

    /// <summary>Counts per kind and per kind of mess, computed without building the records.</summary>
    public DatasetSummary Summarize() => DatasetSummary.Of(Seed, Counts, _traits, _companies);
}

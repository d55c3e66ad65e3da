using static Freight.Sandbox.Dataset.Proportions;

namespace Freight.Sandbox.Dataset;

/// <summary>How many records of each kind a dataset of <see cref="Companies"/> companies holds.</summary>
public sealed record DatasetCounts(
    int Companies,
    int Persons,
    int Opportunities,
    int Notes,
    int Lists,
    int CompanyListEntries,
    int PersonListEntries,
    int OpportunityListEntries,
    int Fields)
{
    public int ListEntries => CompanyListEntries + PersonListEntries + OpportunityListEntries;

    /// <summary>Companies, persons, opportunities, notes and list entries (lists and field definitions are not counted).</summary>
    public long Records => (long)Companies + Persons + Opportunities + Notes + ListEntries;

    /// <summary>The largest size, in companies, whose every count still fits an <see cref="int"/>.</summary>
    public const int MaxCompanies = int.MaxValue / PersonsPerCompany;

    internal int InternalPersons => Math.Min(Proportions.InternalPersons, Persons);

    public static DatasetCounts ForCompanies(int companies)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(companies, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(companies, MaxCompanies);
        var persons = companies * PersonsPerCompany;
        var opportunities = companies * OpportunitiesPerCompany;
        return new(
            companies,
            persons,
            opportunities,
            companies * NotesPerCompany,
            3,
            companies / CompaniesPerCompanyListEntry,
            persons / PersonsPerPersonListEntry,
            opportunities,
            FieldCatalog.All.Count);
    }
}

namespace Freight.Sandbox.Dataset;

/// <summary>What a dataset holds: counts per kind, per kind of mess, and per reason the target must reject.</summary>
public sealed record DatasetSummary(int Seed, DatasetCounts Counts, MessCounts Mess, RejectionCounts ExpectedRejections)
{
    internal static DatasetSummary Of(int seed, DatasetCounts counts, Traits traits, CompanyFactory companies)
    {
        long Unicode(Trait<NameScript> trait, int count) =>
            count - trait.Count(count, NameScript.Latin);

        // A sharing company needs another company with a domain of its own; past the first block of 100 one always exists.
        var partnerExists = Enumerable.Range(0, Math.Min(counts.Companies, SlotTable.BlockSize)).Any(companies.HasOwnDomain);
        var mess = new MessCounts(
            CompaniesWithUnicodeName: Unicode(traits.CompanyName, counts.Companies),
            PersonsWithUnicodeName: Unicode(traits.PersonName, counts.Persons),
            CompaniesWithoutDomain: traits.CompanyDomain.Count(counts.Companies, DomainShape.None),
            CompaniesSharingDomain: partnerExists ? traits.CompanyDomain.Count(counts.Companies, DomainShape.Shared) : 0,
            CompaniesWithSeveralDomains: traits.CompanyDomain.Count(counts.Companies, DomainShape.Several),
            PersonsWithoutLastName: traits.PersonLastName.Count(counts.Persons, LastNameShape.Missing),
            PersonsWithoutEmail: traits.PersonEmail.Count(counts.Persons, EmailShape.None),
            PersonsWithSeveralEmails: traits.PersonEmail.Count(counts.Persons, EmailShape.Several),
            PersonsWithoutCompany: traits.PersonCompanies.Count(counts.Persons, Membership.None),
            PersonsInSeveralCompanies: counts.Companies > 1 ? traits.PersonCompanies.Count(counts.Persons, Membership.Several) : 0,
            OpportunitiesWithoutCompany: traits.OpportunityCompany.Count(counts.Opportunities, Membership.None),
            HtmlNotes: traits.NoteBody.Count(counts.Notes, NoteBody.Html) + traits.NoteBody.Count(counts.Notes, NoteBody.LongHtml),
            LongNotes: traits.NoteBody.Count(counts.Notes, NoteBody.LongHtml) + traits.NoteBody.Count(counts.Notes, NoteBody.LongPlain),
            NotesOnSeveralParents: traits.NoteParents.Count(counts.Notes, NoteParents.Several),
            CustomFieldTypes: FieldCatalog.All.Select(field => field.ValueType).Distinct().Count());
        var rejections = new RejectionCounts(
            InvalidEmail: traits.PersonEmail.Count(counts.Persons, EmailShape.Invalid),
            UnknownDropdownOption: traits.CompanyDropdown.Count(counts.Companies, DropdownShape.Unknown),
            MissingCompanyReference: traits.OpportunityCompany.Count(counts.Opportunities, Membership.Missing),
            MissingParentRecord: traits.NoteParents.Count(counts.Notes, NoteParents.Missing));
        return new DatasetSummary(seed, counts, mess, rejections);
    }
}

public sealed record MessCounts(
    long CompaniesWithUnicodeName,
    long PersonsWithUnicodeName,
    long CompaniesWithoutDomain,
    long CompaniesSharingDomain,
    long CompaniesWithSeveralDomains,
    long PersonsWithoutLastName,
    long PersonsWithoutEmail,
    long PersonsWithSeveralEmails,
    long PersonsWithoutCompany,
    long PersonsInSeveralCompanies,
    long OpportunitiesWithoutCompany,
    long HtmlNotes,
    long LongNotes,
    long NotesOnSeveralParents,
    int CustomFieldTypes);

public sealed record RejectionCounts(
    long InvalidEmail,
    long UnknownDropdownOption,
    long MissingCompanyReference,
    long MissingParentRecord)
{
    public long Total => InvalidEmail + UnknownDropdownOption + MissingCompanyReference + MissingParentRecord;
}

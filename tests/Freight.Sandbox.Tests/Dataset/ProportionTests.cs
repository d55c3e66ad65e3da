using Freight.Sandbox.Dataset;
using static Freight.Sandbox.Dataset.Proportions;

namespace Freight.Sandbox.Tests.Dataset;

public sealed class ProportionTests
{
    // 1000 companies: 3000 persons, 1000 opportunities, 2000 notes; all whole blocks of 100, so shares are exact.
    private static readonly SandboxDataset Data = SandboxDataset.Generate(seed: 2024, companies: 1000);

    private static long Share(int percent, int count) => (long)percent * count / 100;

    private static bool IsUnicode(string text) => text.Any(c => c > 127);

    [Fact]
    public void Company_mess_is_present_at_the_documented_share()
    {
        var companies = Data.Companies.ToList();
        var domainOwners = companies.SelectMany(c => c.Domains.Select(d => (d, c.Id))).ToLookup(x => x.d, x => x.Id);

        Assert.Equal(Share(UnicodeNamePercent, 1000), companies.Count(c => IsUnicode(c.Name)));
        Assert.Equal(Share(CompanyWithoutDomainPercent, 1000), companies.Count(c => c.Domain is null && c.Domains.Count == 0));
        Assert.Equal(Share(CompanyWithSeveralDomainsPercent, 1000), companies.Count(c => c.Domains.Count > 1));
        Assert.Equal(Share(CompanySharingDomainPercent, 1000), companies.Count(c => c.Domains.Count == 1 && !IsOwnDomain(c)));
        Assert.All(companies.Where(c => c.Domains.Count == 1 && !IsOwnDomain(c)), c => Assert.True(domainOwners[c.Domain!].Count() >= 2));
        Assert.Equal(Share(CompanyUnknownDropdownPercent, 1000), companies.Count(c => c.ExpectedRejection == Rejection.UnknownDropdownOption));
    }

    // Own domains carry the company's index: "<slug>-<index>.<tld>".
    private static bool IsOwnDomain(Company company) => company.Domain!.Contains($"-{company.Id - 1}.", StringComparison.Ordinal);

    [Fact]
    public void Person_mess_is_present_at_the_documented_share()
    {
        var persons = Data.Persons.ToList();

        Assert.Equal(Share(UnicodeNamePercent, 3000), persons.Count(p => IsUnicode(p.FirstName) || IsUnicode(p.LastName ?? "")));
        Assert.Equal(Share(PersonWithoutLastNamePercent, 3000), persons.Count(p => p.LastName is null));
        Assert.Equal(Share(PersonWithoutEmailPercent, 3000), persons.Count(p => p.EmailAddresses.Count == 0 && p.PrimaryEmailAddress is null));
        Assert.Equal(Share(PersonWithSeveralEmailsPercent, 3000), persons.Count(p => p.EmailAddresses.Count > 1));
        Assert.Equal(Share(PersonInvalidEmailPercent, 3000), persons.Count(p => p.ExpectedRejection == Rejection.InvalidEmail));
        Assert.Equal(Share(PersonWithoutCompanyPercent, 3000), persons.Count(p => p.CompanyIds.Count == 0));
        Assert.Equal(Share(PersonInSeveralCompaniesPercent, 3000), persons.Count(p => p.CompanyIds.Count > 1));
        Assert.Equal(InternalPersons, persons.Count(p => p.Type == PersonType.Internal));
    }

    [Fact]
    public void Unicode_names_cover_accents_cjk_rtl_and_emoji()
    {
        var names = Data.Persons.Select(p => $"{p.FirstName} {p.LastName}").Concat(Data.Companies.Select(c => c.Name)).ToList();

        Assert.Contains(names, n => n.Any(c => c is >= '\u00C0' and <= '\u024F'));          // Latin with accents
        Assert.Contains(names, n => n.Contains('\u0301', StringComparison.Ordinal));         // combining accent
        Assert.Contains(names, n => n.Any(c => c is >= '\u4E00' and <= '\u9FFF'));          // CJK ideographs
        Assert.Contains(names, n => n.Any(c => c is >= '\u0590' and <= '\u06FF'));          // Hebrew and Arabic
        Assert.Contains(names, n => n.Any(char.IsSurrogate));                               // emoji
    }

    [Fact]
    public void Note_and_opportunity_mess_is_present_at_the_documented_share()
    {
        var notes = Data.Notes.ToList();
        var opportunities = Data.Opportunities.ToList();

        Assert.Equal(Share(NoteHtmlPercent + NoteLongHtmlPercent, 2000), notes.Count(n => n.Format == NoteFormat.Html));
        Assert.All(notes.Where(n => n.Format == NoteFormat.Html), n => Assert.StartsWith("<", n.Content, StringComparison.Ordinal));
        Assert.Equal(Share(NoteLongHtmlPercent + NoteLongPlainPercent, 2000), notes.Count(n => n.Content.Length > 10 * 1024));
        Assert.Equal(Share(NoteWithSeveralParentsPercent, 2000), notes.Count(n => n.PersonIds.Count + n.CompanyIds.Count + n.OpportunityIds.Count > 1));
        Assert.Equal(Share(NoteMissingParentPercent, 2000), notes.Count(n => n.ExpectedRejection == Rejection.MissingParentRecord));
        Assert.Equal(Share(OpportunityWithoutCompanyPercent, 1000), opportunities.Count(o => o.CompanyIds.Count == 0));
        Assert.Equal(Share(OpportunityMissingCompanyPercent, 1000), opportunities.Count(o => o.ExpectedRejection == Rejection.MissingCompanyReference));
    }

    [Fact]
    public void Custom_fields_of_several_types_carry_values()
    {
        var values = Data.Companies.SelectMany(c => c.Fields)
            .Concat(Data.Persons.SelectMany(p => p.Fields))
            .Concat(Data.ListEntries.SelectMany(e => e.Fields))
            .ToList();

        Assert.Equal(Enum.GetValues<FieldValueType>().Order(), values.Select(v => v.Type).Distinct().Order());
        Assert.All(values, v => Assert.Equal(Data.Fields.Single(f => f.Id == v.FieldId).ValueType, v.Type));
    }

    [Fact]
    public void Summary_matches_the_records()
    {
        var summary = Data.Summarize();

        Assert.Equal(Data.Companies.Count(c => IsUnicode(c.Name)), summary.Mess.CompaniesWithUnicodeName);
        Assert.Equal(Data.Persons.Count(p => p.EmailAddresses.Count == 0), summary.Mess.PersonsWithoutEmail);
        Assert.Equal(Data.Persons.Count(p => p.CompanyIds.Count > 1), summary.Mess.PersonsInSeveralCompanies);
        Assert.Equal(Data.Companies.Count(c => c.Domains.Count == 1 && !IsOwnDomain(c)), summary.Mess.CompaniesSharingDomain);
        Assert.Equal(Data.Notes.Count(n => n.Content.Length > 10 * 1024), summary.Mess.LongNotes);
        Assert.Equal(Data.Notes.Count(n => n.Format == NoteFormat.Html), summary.Mess.HtmlNotes);
        var flagged = Data.Companies.Count(c => c.ExpectedRejection is not null) + Data.Persons.Count(p => p.ExpectedRejection is not null)
            + Data.Opportunities.Count(o => o.ExpectedRejection is not null) + Data.Notes.Count(n => n.ExpectedRejection is not null);
        Assert.Equal(flagged, summary.ExpectedRejections.Total);
        Assert.Equal(10 + 30 + 10 + 20, summary.ExpectedRejections.Total);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(37)]
    [InlineData(250)]
    public void Summary_matches_the_records_for_sizes_that_are_not_whole_blocks(int companies)
    {
        var data = SandboxDataset.Generate(seed: 5, companies);
        var summary = data.Summarize();

        Assert.Equal(data.Persons.Count(p => p.CompanyIds.Count > 1), summary.Mess.PersonsInSeveralCompanies);
        Assert.Equal(data.Persons.Count(p => p.ExpectedRejection is not null), summary.ExpectedRejections.InvalidEmail);
        Assert.Equal(data.Companies.Count(c => c.Domains.Count == 1 && !IsOwnDomain(c)), summary.Mess.CompaniesSharingDomain);
        Assert.Equal(data.Notes.Count(n => n.ExpectedRejection is not null), summary.ExpectedRejections.MissingParentRecord);
    }
}

using System.Globalization;
using Freight.Sandbox.Dataset;

namespace Freight.Connectors.Tests.Affinity;

/// <summary>Each kind read to the end through the simulator is exactly the dataset's records, with their values.</summary>
public sealed class AffinitySourceReadTests
{
    [Fact]
    public async Task Companies_are_the_dataset_companies_with_their_domains_and_global_field_values()
    {
        await using var harness = await AffinityHarness.StartAsync();

        var companies = await harness.ReadAllAsync<CanonicalCompany>(EntityKind.Companies);

        Assert.Equal(harness.Data.Counts.Companies, companies.Count);
        for (var i = 0; i < companies.Count; i++)
        {
            var expected = harness.Data.Companies[i];
            var read = companies[i];
            Assert.Equal(expected.Id.ToString(), read.Id);
            Assert.Equal(expected.Name, read.Name);
            Assert.Equal(expected.Domains, read.Domains);
            Assert.Equal(ExpectedValues.Of(expected.Fields), ExpectedValues.Of(read.Fields));
        }

        var retired = harness.Data.Companies.First(c => c.ExpectedRejection == Rejection.UnknownDropdownOption);
        var industry = companies.Single(c => c.Id == retired.Id.ToString()).Fields.Single(f => f.FieldId == "field-1001");
        Assert.Equal("Biotech (retired)", industry.Value.GetString());
    }

    [Fact]
    public async Task People_are_the_dataset_persons_with_the_primary_email_first_and_malformed_emails_kept()
    {
        await using var harness = await AffinityHarness.StartAsync();

        var people = await harness.ReadAllAsync<CanonicalPerson>(EntityKind.People);

        Assert.Equal(harness.Data.Counts.Persons, people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            var expected = harness.Data.Persons[i];
            var read = people[i];
            Assert.Equal(expected.Id.ToString(), read.Id);
            Assert.Equal(expected.FirstName, read.FirstName);
            Assert.Equal(expected.LastName, read.LastName);
            var emails = expected.EmailAddresses.ToList();
            if (expected.PrimaryEmailAddress is { } primary && emails.Remove(primary))
            {
                emails.Insert(0, primary);
            }

            Assert.Equal(emails, read.Emails);
            Assert.Equal(expected.CompanyIds.Take(1).Select(id => id.ToString(CultureInfo.InvariantCulture)), read.CompanyIds);
            Assert.Equal(ExpectedValues.Of(expected.Fields), ExpectedValues.Of(read.Fields));
        }

        var invalid = harness.Data.Persons.Where(p => p.ExpectedRejection == Rejection.InvalidEmail).ToList();
        Assert.NotEmpty(invalid);
        Assert.All(invalid, p => Assert.Equal(p.EmailAddresses.Count, people[(int)p.Id - 1].Emails.Count));
    }

    [Fact]
    public async Task Deals_are_the_opportunities_with_their_list_fields_stage_and_creator_as_owner()
    {
        await using var harness = await AffinityHarness.StartAsync();

        var deals = await harness.ReadAllAsync<CanonicalDeal>(EntityKind.Deals);

        var entries = harness.Data.EntriesOf(3)!;
        Assert.Equal(harness.Data.Counts.Opportunities, deals.Count);
        Assert.Equal(entries.Count, deals.Count);
        for (var i = 0; i < deals.Count; i++)
        {
            var entry = entries[i];
            var opportunity = harness.Data.Opportunities.FindById(entry.EntityId)!;
            var read = deals[i];
            Assert.Equal(opportunity.Id.ToString(), read.Id);
            Assert.Equal(opportunity.Name, read.Name);
            Assert.Equal(entry.Fields.Single(f => f.FieldId == "field-2201").Option!.Text, read.Stage);
            Assert.Equal(harness.Data.Persons.FindById(entry.CreatorId)!.PrimaryEmailAddress, read.OwnerEmail);
            Assert.Equal(ExpectedValues.Of(entry.Fields), ExpectedValues.Of(read.Fields));
            Assert.Equal(opportunity.CompanyIds.Select(id => id.ToString()), read.CompanyIds);
            Assert.Equal(opportunity.PersonIds.Select(id => id.ToString()), read.PersonIds);
        }

        Assert.Equal(deals.Count, deals.Select(d => d.Id).Distinct().Count());
        Assert.Contains(deals, d => d.PersonIds.Count > 1);
        Assert.Contains(deals, d => d.CompanyIds.Count == 0);
        var missing = harness.Data.Opportunities.First(o => o.ExpectedRejection == Rejection.MissingCompanyReference);
        var dangling = deals.Single(d => d.Id == missing.Id.ToString()).CompanyIds;
        Assert.True(long.Parse(Assert.Single(dangling)) > harness.Data.Counts.Companies);
    }

    [Fact]
    public async Task Notes_are_one_record_per_parent_with_the_content_author_and_time_of_the_note()
    {
        await using var harness = await AffinityHarness.StartAsync();

        var notes = await harness.ReadAllAsync<CanonicalNote>(EntityKind.Notes);

        var expected = harness.Data.Notes
            .SelectMany(n => n.PersonIds.Select(id => (Note: n, Kind: EntityKind.People, Parent: id))
                .Concat(n.CompanyIds.Select(id => (Note: n, Kind: EntityKind.Companies, Parent: id)))
                .Concat(n.OpportunityIds.Select(id => (Note: n, Kind: EntityKind.Deals, Parent: id))))
            .ToList();
        Assert.True(expected.Count > harness.Data.Counts.Notes);
        Assert.Equal(expected.Count, notes.Count);
        Assert.Equal(notes.Count, notes.Select(n => n.Id).Distinct().Count());
        for (var i = 0; i < notes.Count; i++)
        {
            var (note, kind, parent) = expected[i];
            var read = notes[i];
            var kindName = kind switch { EntityKind.People => "people", EntityKind.Companies => "companies", _ => "deals" };
            Assert.Equal($"{note.Id}:{kindName}:{parent}", read.Id);
            Assert.Equal(note.Id.ToString(), read.NoteId);
            Assert.Equal(kind, read.ParentKind);
            Assert.Equal(parent.ToString(), read.ParentId);
            Assert.Equal(note.Format == NoteFormat.Html ? NoteContentFormat.Html : NoteContentFormat.PlainText, read.Format);
            Assert.Equal(note.Content, read.Content);
            Assert.Equal(note.CreatedAt, read.CreatedAt);
            Assert.Equal(harness.Data.Persons.FindById(note.CreatorId)!.PrimaryEmailAddress, read.AuthorEmail);
        }

        var dangling = harness.Data.Notes.First(n => n.ExpectedRejection == Rejection.MissingParentRecord);
        Assert.Contains(notes, n => n.NoteId == dangling.Id.ToString()
            && n.ParentKind == EntityKind.People && long.Parse(n.ParentId) > harness.Data.Counts.Persons);
    }

    [Fact]
    public async Task List_entries_are_every_lists_entries_with_their_parent_and_list_field_values()
    {
        await using var harness = await AffinityHarness.StartAsync();

        var entries = await harness.ReadAllAsync<CanonicalListEntry>(EntityKind.ListEntries);

        var expected = harness.Data.Lists.OrderBy(l => l.Id).SelectMany(l => harness.Data.EntriesOf(l.Id)!).ToList();
        Assert.Equal(expected.Count, entries.Count);
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = expected[i];
            var read = entries[i];
            Assert.Equal(entry.Id.ToString(), read.Id);
            Assert.Equal(entry.ListId.ToString(), read.ListId);
            var kind = entry.Type switch
            {
                EntityType.Company => EntityKind.Companies,
                EntityType.Person => EntityKind.People,
                _ => EntityKind.Deals,
            };
            Assert.Equal(kind, read.ParentKind);
            Assert.Equal(entry.EntityId.ToString(), read.ParentId);
            Assert.Equal(ExpectedValues.Of(entry.Fields), ExpectedValues.Of(read.Fields));
        }
    }
}

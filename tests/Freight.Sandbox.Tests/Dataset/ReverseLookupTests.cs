using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Tests.Dataset;

public sealed class ReverseLookupTests
{
    private static readonly SandboxDataset Data = SandboxDataset.Generate(seed: 5, companies: 300);

    [Fact]
    public void Notes_of_a_record_are_the_notes_that_name_it_in_id_order()
    {
        var notes = Data.Notes.ToList();

        for (var id = 1L; id <= Data.Counts.Companies; id++)
        {
            Assert.Equal(notes.Where(n => n.CompanyIds.Contains(id)).Select(n => n.Id), Data.NoteIdsOf(EntityType.Company, id));
            Assert.Equal(notes.Where(n => n.OpportunityIds.Contains(id)).Select(n => n.Id), Data.NoteIdsOf(EntityType.Opportunity, id));
        }

        for (var id = 1L; id <= Data.Counts.Persons; id++)
        {
            Assert.Equal(notes.Where(n => n.PersonIds.Contains(id)).Select(n => n.Id), Data.NoteIdsOf(EntityType.Person, id));
        }

    }

    [Fact]
    public void Persons_of_a_company_are_those_whose_company_ids_include_it()
    {
        var persons = Data.Persons.ToList();

        for (var id = 1L; id <= Data.Counts.Companies; id++)
        {
            Assert.Equal(persons.Where(p => p.CompanyIds.Contains(id)).Select(p => p.Id), Data.PersonIdsOf(id));
        }
    }

    [Fact]
    public void Entries_for_an_entity_are_the_list_entries_that_hold_it()
    {
        var entries = Data.ListEntries.ToList();

        foreach (var (type, count) in new[]
        {
            (EntityType.Company, Data.Counts.Companies),
            (EntityType.Person, Data.Counts.Persons),
            (EntityType.Opportunity, Data.Counts.Opportunities),
        })
        {
            for (var id = 1L; id <= count; id++)
            {
                Assert.Equal(
                    entries.Where(e => e.Type == type && e.EntityId == id).Select(e => e.Id),
                    Data.EntriesFor(type, id).Select(e => e.Id));
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(301)]
    [InlineData(long.MaxValue)]
    public void Unknown_ids_have_no_notes_persons_or_entries(long id)
    {
        Assert.Empty(Data.NoteIdsOf(EntityType.Company, id));
        Assert.Empty(Data.PersonIdsOf(id));
        Assert.Empty(Data.EntriesFor(EntityType.Company, id));
        Assert.Empty(Data.EntriesFor(EntityType.Opportunity, id));
    }
}

using System.Net.Mail;
using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Tests.Dataset;

public sealed class IntegrityTests
{
    private static readonly SandboxDataset Data = SandboxDataset.Generate(seed: 77, companies: 600);

    private static bool Exists<T>(RecordSet<T> set, long id) where T : class => id >= set.FirstId && id < set.FirstId + set.Count;

    private static IEnumerable<long> References(FieldValue value) =>
        value.ReferenceIds ?? [value.ReferenceId!.Value];

    [Fact]
    public void Ids_are_unique_per_kind()
    {
        Assert.Equal(Data.Counts.Companies, Data.Companies.Select(c => c.Id).Distinct().Count());
        Assert.Equal(Data.Counts.Persons, Data.Persons.Select(p => p.Id).Distinct().Count());
        Assert.Equal(Data.Counts.Opportunities, Data.Opportunities.Select(o => o.Id).Distinct().Count());
        Assert.Equal(Data.Counts.Notes, Data.Notes.Select(n => n.Id).Distinct().Count());
        Assert.Equal(Data.Counts.ListEntries, Data.ListEntries.Select(e => e.Id).Distinct().Count());
        Assert.Equal(Data.Fields.Count, Data.Fields.Select(f => f.Id).Distinct().Count());
        Assert.Equal(Data.Lists.Count, Data.Lists.Select(l => l.Id).Distinct().Count());
    }

    [Fact]
    public void Every_reference_exists_except_in_records_flagged_for_rejection()
    {
        Assert.All(Data.Persons, p => Assert.All(p.CompanyIds, id => Assert.True(Exists(Data.Companies, id))));
        Assert.All(Data.Opportunities, o =>
        {
            Assert.All(o.PersonIds, id => Assert.True(Exists(Data.Persons, id)));
            Assert.Equal(o.ExpectedRejection is null, o.CompanyIds.All(id => Exists(Data.Companies, id)));
            Assert.Contains(o.ListId, Data.Lists.Select(l => l.Id));
        });
        Assert.All(Data.Notes, n =>
        {
            Assert.True(Exists(Data.Persons, n.CreatorId));
            Assert.All(n.CompanyIds, id => Assert.True(Exists(Data.Companies, id)));
            Assert.All(n.OpportunityIds, id => Assert.True(Exists(Data.Opportunities, id)));
            Assert.Equal(n.ExpectedRejection is null, n.PersonIds.All(id => Exists(Data.Persons, id)));
            Assert.NotEmpty(n.PersonIds.Concat(n.CompanyIds).Concat(n.OpportunityIds));
        });
    }

    [Fact]
    public void Field_values_reference_existing_records_and_defined_options_except_when_flagged()
    {
        var fields = Data.Fields.ToDictionary(f => f.Id);
        var values = Data.Companies.SelectMany(c => c.Fields.Select(v => (v, Flagged: c.ExpectedRejection is not null)))
            .Concat(Data.Persons.SelectMany(p => p.Fields.Select(v => (v, Flagged: false))))
            .Concat(Data.ListEntries.SelectMany(e => e.Fields.Select(v => (v, Flagged: false))));

        Assert.All(values, item =>
        {
            var (value, flagged) = item;
            switch (value.Type)
            {
                case FieldValueType.Person:
                    Assert.All(References(value), id => Assert.True(Exists(Data.Persons, id)));
                    break;
                case FieldValueType.Company:
                    Assert.All(References(value), id => Assert.True(Exists(Data.Companies, id)));
                    break;
                case FieldValueType.Dropdown or FieldValueType.RankedDropdown when value.Options is { } options:
                    Assert.All(options, option => Assert.Contains(option, fields[value.FieldId].Options));
                    break;
                case FieldValueType.Dropdown or FieldValueType.RankedDropdown:
                    Assert.Equal(!flagged, fields[value.FieldId].Options.Contains(value.Option));
                    break;
            }
        });
    }

    [Fact]
    public void A_value_is_plural_exactly_when_its_field_allows_multiple_values()
    {
        var fields = Data.Fields.ToDictionary(f => f.Id);
        var values = Data.Companies.SelectMany(c => c.Fields)
            .Concat(Data.Persons.SelectMany(p => p.Fields))
            .Concat(Data.ListEntries.SelectMany(e => e.Fields))
            .ToList();

        Assert.All(values, value =>
        {
            var plural = value.Options ?? (object?)value.ReferenceIds ?? (object?)value.Locations ?? value.Numbers;
            var single = value.Text ?? value.Number ?? value.Datetime ?? value.Option ?? value.ReferenceId ?? (object?)value.Location;
            Assert.Equal(fields[value.FieldId].AllowsMultiple, plural is not null);
            Assert.Equal(!fields[value.FieldId].AllowsMultiple, single is not null);
        });
        Assert.Contains(values, v => v.Options is { Count: 0 });
        Assert.Contains(values, v => v.FieldId == "field-1008" && v.ReferenceIds!.Count > 100);
        Assert.Contains(values, v => v.FieldId == "field-1106" && v.ReferenceIds!.Count > 100);
        Assert.All(values.Where(v => v.ReferenceIds is not null), v => Assert.Equal(v.ReferenceIds!.Count, v.ReferenceIds.Distinct().Count()));
    }

    [Fact]
    public void List_entries_point_at_existing_entities_of_the_list_type_once_per_list()
    {
        foreach (var list in Data.Lists)
        {
            var entries = Data.EntriesOf(list.Id)!.ToList();
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal((list.Id, list.Type), (e.ListId, e.Type)));
            Assert.Equal(entries.Count, entries.Select(e => e.EntityId).Distinct().Count());
            var target = list.Type switch
            {
                EntityType.Company => Data.Counts.Companies,
                EntityType.Person => Data.Counts.Persons,
                _ => Data.Counts.Opportunities,
            };
            Assert.All(entries, e => Assert.InRange(e.EntityId, 1, target));
        }
    }

    [Fact]
    public void Valid_emails_are_well_formed_and_unique_and_invalid_ones_are_flagged()
    {
        var valid = Data.Persons.Where(p => p.ExpectedRejection is null).SelectMany(p => p.EmailAddresses).ToList();
        var invalid = Data.Persons.Where(p => p.ExpectedRejection == Rejection.InvalidEmail).ToList();

        Assert.Equal(valid.Count, valid.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(valid, email => Assert.Matches(@"^[a-z0-9.]+@[a-z0-9-]+(\.[a-z0-9-]+)+$", email));
        Assert.NotEmpty(invalid);
        Assert.All(invalid, p => Assert.False(
            MailAddress.TryCreate(p.PrimaryEmailAddress, out var parsed) && parsed.Address == p.PrimaryEmailAddress
            && p.PrimaryEmailAddress!.Split('@')[1].Contains('.', StringComparison.Ordinal)));
    }

    [Fact]
    public void Some_persons_belong_to_several_companies_and_a_domain_is_shared_by_two_companies()
    {
        Assert.Contains(Data.Persons, p => p.CompanyIds.Count > 1 && p.CompanyIds.Distinct().Count() == p.CompanyIds.Count);
        Assert.Contains(Data.Companies.Where(c => c.Domain is not null).GroupBy(c => c.Domain), g => g.Count() > 1);
    }
}

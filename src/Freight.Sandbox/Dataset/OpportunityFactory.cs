using static Freight.Sandbox.Dataset.FieldCatalog;

namespace Freight.Sandbox.Dataset;

/// <summary>Builds opportunity i, and the entries of the three lists, from (seed, i) alone.</summary>
internal sealed class OpportunityFactory(int seed, Traits traits, DatasetCounts counts, CompanyFactory companies)
{
    private static readonly string[] Kinds = ["Seed round", "Series A", "Upsell", "Renewal", "Pilot", "Partnership"];

    public Opportunity Create(int index)
    {
        var rng = Rng.For(seed, RngStream.Opportunity, index);
        var kind = rng.Pick(Kinds);
        var id = index + 1L;
        var membership = traits.OpportunityCompany.Of(index);
        long[] companyIds = membership switch
        {
            Membership.None => [],
            Membership.Missing => [Generation.MissingId(ref rng, counts.Companies)],
            _ => [rng.Next(counts.Companies) + 1L],
        };
        var name = membership == Membership.One
            ? $"{companies.Name((int)companyIds[0] - 1).Display} – {kind}"
            : $"{kind} #{id}";
        return new Opportunity(
            id,
            name,
            DealListId,
            companyIds,
            Generation.DistinctIds(ref rng, rng.Next(4), counts.Persons),
            membership == Membership.Missing ? Rejection.MissingCompanyReference : null);
    }
}

/// <summary>
/// List entries are laid out list by list: the company list's, then the person list's, then the
/// deal list's; entry ids run 1..N across all three. Each list holds an entity at most once.
/// </summary>
internal sealed class ListEntryFactory(int seed, DatasetCounts counts)
{
    /// <summary>
    /// The entry that holds the entity in its type's list, or null: entry k of the company list holds
    /// company 2k or 2k + 1, of the person list person 3k, 3k + 1 or 3k + 2, so only one entry can.
    /// </summary>
    public ListEntry? EntryOf(EntityType type, long entityId)
    {
        var (perEntry, first, count, entities) = type switch
        {
            EntityType.Company => (Proportions.CompaniesPerCompanyListEntry, 0, counts.CompanyListEntries, counts.Companies),
            EntityType.Person => (Proportions.PersonsPerPersonListEntry, counts.CompanyListEntries, counts.PersonListEntries, counts.Persons),
            _ => (1, counts.CompanyListEntries + counts.PersonListEntries, counts.OpportunityListEntries, counts.Opportunities),
        };
        if (entityId < 1 || entityId > entities || (entityId - 1) / perEntry >= count)
        {
            return null;
        }

        var entry = Create(first + (int)((entityId - 1) / perEntry));
        return entry.EntityId == entityId ? entry : null;
    }

    public ListEntry Create(int index)
    {
        var rng = Rng.For(seed, RngStream.ListEntry, index);
        var createdAt = Generation.Timestamp(ref rng);
        var creatorId = rng.Next(counts.InternalPersons) + 1L;
        var id = index + 1L;
        if (index < counts.CompanyListEntries)
        {
            // One company out of each pair: entry k holds company 2k or 2k + 1.
            var company = (long)index * Proportions.CompaniesPerCompanyListEntry + rng.Next(Proportions.CompaniesPerCompanyListEntry);
            List<FieldValue> fields = [Generation.Option(Status, ref rng)];
            if (rng.Percent(60))
            {
                fields.Add(new(DealSize.Id, DealSize.ValueType, Number: rng.Next(10, 5000) * 1000));
            }

            fields.Add(new(Owner.Id, Owner.ValueType, ReferenceId: rng.Next(counts.InternalPersons) + 1L));
            return new ListEntry(id, CompanyListId, EntityType.Company, company + 1, createdAt, creatorId, fields);
        }

        index -= counts.CompanyListEntries;
        if (index < counts.PersonListEntries)
        {
            var person = (long)index * Proportions.PersonsPerPersonListEntry + rng.Next(Proportions.PersonsPerPersonListEntry);
            List<FieldValue> fields = [Generation.Option(Relationship, ref rng)];
            if (rng.Percent(50))
            {
                fields.Add(new(LastContacted.Id, LastContacted.ValueType, Datetime: Generation.Timestamp(ref rng)));
            }

            return new ListEntry(id, PersonListId, EntityType.Person, person + 1, createdAt, creatorId, fields);
        }

        index -= counts.PersonListEntries;
        List<FieldValue> dealFields = [Generation.Option(Stage, ref rng)];
        if (rng.Percent(70))
        {
            dealFields.Add(new(Amount.Id, Amount.ValueType, Number: Math.Round(rng.NextDouble() * 5_000_000, 2)));
        }

        if (rng.Percent(40))
        {
            dealFields.Add(new(CloseDate.Id, CloseDate.ValueType, Datetime: Generation.Date(ref rng)));
        }

        if (rng.Percent(30))
        {
            dealFields.Add(new(LeadCompany.Id, LeadCompany.ValueType, ReferenceId: rng.Next(counts.Companies) + 1L));
        }

        if (rng.Percent(50))
        {
            dealFields.Add(new(DealTeam.Id, DealTeam.ValueType,
                ReferenceIds: Generation.DistinctIds(ref rng, rng.Next(1, 4), counts.InternalPersons)));
        }

        return new ListEntry(id, DealListId, EntityType.Opportunity, index + 1L, createdAt, creatorId, dealFields);
    }
}

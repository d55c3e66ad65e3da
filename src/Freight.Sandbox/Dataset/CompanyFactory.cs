using static Freight.Sandbox.Dataset.FieldCatalog;

namespace Freight.Sandbox.Dataset;

/// <summary>Builds company i from (seed, i) alone; its name and domains are cheap to get on their own for other records.</summary>
internal sealed class CompanyFactory(int seed, Traits traits, DatasetCounts counts)
{
    public Company Create(int index)
    {
        var name = Name(index);
        var domains = Domains(index);
        var unknownOption = traits.CompanyDropdown.Of(index) == DropdownShape.Unknown;
        return new Company(
            index + 1L,
            name.Display,
            domains.Count > 0 ? domains[0] : null,
            domains,
            Fields(index, unknownOption),
            unknownOption ? Rejection.UnknownDropdownOption : null);
    }

    public PoolName Name(int index)
    {
        var rng = Rng.For(seed, RngStream.Company, index);
        return NamePools.CompanyName(ref rng, traits.CompanyName.Of(index));
    }

    public string? PrimaryDomain(int index)
    {
        var domains = Domains(index);
        return domains.Count > 0 ? domains[0] : null;
    }

    public IReadOnlyList<string> Domains(int index) => traits.CompanyDomain.Of(index) switch
    {
        DomainShape.None => [],
        DomainShape.Several => [OwnDomain(index, 0), OwnDomain(index, 1)],
        DomainShape.Shared when Partner(index) is { } partner => [OwnDomain(partner, 0)],
        _ => [OwnDomain(index, 0)],
    };

    /// <summary>
    /// The company whose domain a sharing company reuses: one that has a domain of its own, so
    /// the domain really is on two companies. Null only when no other company has one.
    /// </summary>
    public int? Partner(int index)
    {
        var rng = Rng.For(seed, RngStream.CompanyPartner, index);
        var start = rng.Next(counts.Companies);
        for (var step = 0; step < counts.Companies; step++)
        {
            var candidate = (start + step) % counts.Companies;
            if (candidate != index && HasOwnDomain(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public bool HasOwnDomain(int index) => traits.CompanyDomain.Of(index) is DomainShape.Single or DomainShape.Several;

    // The index in the label makes every company's own domains unique; only sharing makes duplicates.
    private string OwnDomain(int index, int which)
    {
        var rng = Rng.For(seed, RngStream.Company, index);
        var name = NamePools.CompanyName(ref rng, traits.CompanyName.Of(index));
        var tld = NamePools.TopLevelDomains[(rng.Next(NamePools.TopLevelDomains.Length) + which) % NamePools.TopLevelDomains.Length];
        return $"{name.Ascii}-{index}.{tld}";
    }

    private List<FieldValue> Fields(int index, bool unknownOption)
    {
        var rng = Rng.For(seed, RngStream.CompanyFields, index);
        var fields = new List<FieldValue>(9);
        if (unknownOption)
        {
            fields.Add(new(Industry.Id, Industry.ValueType, Option: RetiredIndustry));
        }
        else if (rng.Percent(80))
        {
            fields.Add(Generation.Option(Industry, ref rng));
        }

        if (rng.Percent(70))
        {
            fields.Add(new(Employees.Id, Employees.ValueType, Number: rng.Next(1, 50_000)));
        }

        if (rng.Percent(50))
        {
            fields.Add(new(Founded.Id, Founded.ValueType, Datetime: Generation.Date(ref rng).AddYears(-20)));
        }

        if (rng.Percent(50))
        {
            fields.Add(new(Headquarters.Id, Headquarters.ValueType, Location: rng.Pick(NamePools.Locations)));
        }

        if (rng.Percent(40))
        {
            fields.Add(new(Description.Id, Description.ValueType, Text: $"{Name(index).Display} — founded by a team of {rng.Next(2, 6)}."));
        }

        if (rng.Percent(20))
        {
            fields.Add(new(KeyContact.Id, KeyContact.ValueType, ReferenceId: rng.Next(counts.Persons) + 1L));
        }

        // Multi-value fields draw last, so the single-value fields above keep their values. An empty
        // tag list is a value whose options were all removed; the API sends it as null.
        if (rng.Percent(60))
        {
            fields.Add(new(Tags.Id, Tags.ValueType, Options: Generation.DistinctPicks(ref rng, Tags.Options, rng.Next(4))));
        }

        // One company in a hundred or so has more contacts than the 100 the API sends.
        var contacts = rng.Percent(1) ? rng.Next(101, 151) : rng.Percent(30) ? rng.Next(1, 4) : 0;
        if (contacts > 0)
        {
            fields.Add(new(Contacts.Id, Contacts.ValueType, ReferenceIds: Generation.DistinctIds(ref rng, contacts, counts.Persons)));
        }

        if (rng.Percent(25))
        {
            fields.Add(new(Offices.Id, Offices.ValueType, Locations: Generation.DistinctPicks(ref rng, NamePools.Locations, rng.Next(1, 4))));
        }

        return fields;
    }
}

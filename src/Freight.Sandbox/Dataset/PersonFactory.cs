using static Freight.Sandbox.Dataset.FieldCatalog;

namespace Freight.Sandbox.Dataset;

/// <summary>Builds person i from (seed, i) alone. Work emails use the domain of the person's first company.</summary>
internal sealed class PersonFactory(int seed, Traits traits, DatasetCounts counts, CompanyFactory companies)
{
    public Person Create(int index)
    {
        var rng = Rng.For(seed, RngStream.Person, index);
        var (first, last) = NamePools.PersonName(ref rng, traits.PersonName.Of(index));
        var hasLastName = traits.PersonLastName.Of(index) == LastNameShape.Present;
        var companyIds = CompanyIds(ref rng, index);
        var emailShape = traits.PersonEmail.Of(index);
        var emails = Emails(ref rng, index, emailShape, first, hasLastName ? last : null, companyIds);
        return new Person(
            index + 1L,
            first.Display,
            hasLastName ? last.Display : null,
            emails.Count > 0 ? emails[0] : null,
            emails,
            index < counts.InternalPersons ? PersonType.Internal : PersonType.External,
            companyIds,
            Fields(index),
            emailShape == EmailShape.Invalid ? Rejection.InvalidEmail : null);
    }

    /// <summary>Person i's company ids without building the person (the name draws come first, and allocate nothing).</summary>
    public long[] CompanyIds(int index)
    {
        var rng = Rng.For(seed, RngStream.Person, index);
        NamePools.PersonName(ref rng, traits.PersonName.Of(index));
        return CompanyIds(ref rng, index);
    }

    private long[] CompanyIds(ref Rng rng, int index) => traits.PersonCompanies.Of(index) switch
    {
        Membership.None => [],
        Membership.Several => Generation.DistinctIds(ref rng, rng.Next(2, 5), counts.Companies),
        _ => [rng.Next(counts.Companies) + 1L],
    };

    private List<string> Emails(ref Rng rng, int index, EmailShape shape, PoolName first, PoolName? last, long[] companyIds)
    {
        // The index keeps every address unique: Attio's email_addresses attribute is unique.
        var local = last is { } l ? $"{first.Ascii}.{l.Ascii}{index}" : $"{first.Ascii}{index}";
        var freemail = rng.Pick(NamePools.FreemailDomains);
        var work = companyIds.Length > 0 ? companies.PrimaryDomain((int)companyIds[0] - 1) : null;
        var domain = work ?? freemail;
        switch (shape)
        {
            case EmailShape.None:
                return [];
            case EmailShape.Invalid:
                return [rng.Next(4) switch
                {
                    0 => $"{local}@",
                    1 => $"{first.Ascii} {last?.Ascii ?? "x"}{index}@{domain}",
                    2 => $"{local}@@{domain}",
                    _ => $"{local}.{domain}",
                }];
            case EmailShape.Several:
                var personal = $"{first.Ascii}.{index}@{freemail}";
                return rng.Percent(30)
                    ? [$"{local}@{domain}", personal, $"{first.Ascii[0]}{index}@{domain}"]
                    : [$"{local}@{domain}", personal];
            default:
                return [$"{local}@{domain}"];
        }
    }

    private List<FieldValue> Fields(int index)
    {
        var rng = Rng.For(seed, RngStream.PersonFields, index);
        var fields = new List<FieldValue>(7);
        if (rng.Percent(70))
        {
            fields.Add(new(JobTitle.Id, JobTitle.ValueType, Text: rng.Pick(NamePools.JobTitles)));
        }

        if (rng.Percent(50))
        {
            fields.Add(Generation.Option(Seniority, ref rng));
        }

        if (rng.Percent(20))
        {
            fields.Add(new(IntroducedBy.Id, IntroducedBy.ValueType, ReferenceId: rng.Next(counts.Persons) + 1L));
        }

        if (rng.Percent(40))
        {
            fields.Add(new(FirstMet.Id, FirstMet.ValueType, Datetime: Generation.Timestamp(ref rng)));
        }

        if (rng.Percent(15))
        {
            fields.Add(new(FormerEmployer.Id, FormerEmployer.ValueType, ReferenceId: rng.Next(counts.Companies) + 1L));
        }

        // Multi-value fields draw last, so the single-value fields above keep their values.
        var portfolio = rng.Percent(1) ? rng.Next(101, 131) : rng.Percent(15) ? rng.Next(1, 4) : 0;
        if (portfolio > 0)
        {
            fields.Add(new(Portfolio.Id, Portfolio.ValueType, ReferenceIds: Generation.DistinctIds(ref rng, portfolio, counts.Companies)));
        }

        if (rng.Percent(10))
        {
            var sizes = new double[rng.Next(1, 4)];
            for (var i = 0; i < sizes.Length; i++)
            {
                sizes[i] = rng.Next(1, 100) * 25_000;
            }

            fields.Add(new(CheckSizes.Id, CheckSizes.ValueType, Numbers: sizes));
        }

        return fields;
    }
}

using Freight.Connectors.Affinity;
using Freight.Connectors.Attio;
using Freight.Connectors.Tests.Attio;
using Freight.Sandbox.Dataset;
using Xunit.Abstractions;

namespace Freight.Connectors.Tests.Affinity;

/// <summary>
/// Companies, people and deals read from the Affinity simulator and written to the Attio simulator by the two
/// connectors, record by record: the dataset's records Attio must reject are rejected, for the reason it gives.
/// </summary>
public sealed class AffinityToAttioTests(ITestOutputHelper output)
{
    // 40 companies, 120 persons, 40 opportunities. Seeds 21 and 7 each hold one retired-option company and one deal on a
    // missing company; with seed 21 no other deal names a refused company or person, with seed 7 three do.
    private const int Companies = 40;

    [Theory]
    [InlineData(21)]
    [InlineData(7)]
    public async Task Retired_option_companies_and_deals_on_missing_companies_are_rejected_by_Attio_as_value_not_found(int seed)
    {
        await using var affinity = await AffinityHarness.StartAsync(Companies, seed: seed);
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target(limited: false);
        var data = affinity.Data;
        var expected = data.Summarize().ExpectedRejections;
        var source = affinity.Source(requestsPerMinute: 6000);

        var report = await target.EnsureSchemaAsync(await affinity.Run(source.ReadSchemaAsync(CancellationToken.None)), CancellationToken.None);
        var companies = await WriteAllAsync(affinity, source, target, EntityKind.Companies);
        var people = await WriteAllAsync(affinity, source, target, EntityKind.People);
        var deals = await WriteAllAsync(affinity, source, target, EntityKind.Deals);

        Assert.Equal((1L, 1L), (expected.UnknownDropdownOption, expected.MissingCompanyReference));
        Assert.DoesNotContain(report.Created, created => created.Contains("Biotech", StringComparison.Ordinal));
        var industry = await attio.GetAsync("v2/objects/companies/attributes/aff_field_1001/options");
        Assert.Equal(
            ["Software", "Fintech", "Healthcare", "Energy", "Retail", "Logistics", "Media", "Education"],
            industry.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("title").GetString()));

        var rejectedCompanies = Rejected(companies);
        Assert.Equal(expected.UnknownDropdownOption, rejectedCompanies.Count);
        Assert.Equal(
            data.Companies.Where(c => c.ExpectedRejection == Rejection.UnknownDropdownOption).Select(c => Text(c.Id)),
            rejectedCompanies.Keys);
        Assert.All(rejectedCompanies.Values, r => Assert.Equal((RejectionOrigin.Target, "value_not_found"), (r.Origin, r.Code)));

        // A person's company comes from v2's enriched current-organization field: a person whose current company Attio
        // refused is refused in turn (people.company names a record Attio does not hold); a custom company field that
        // names the refused company is left out with a warning and the person is written.
        var refused = rejectedCompanies.Keys.ToHashSet();
        var rejectedPeople = Rejected(people);
        var expectedPeople = data.Persons
            .Where(p => p.ExpectedRejection == Rejection.InvalidEmail || (p.CompanyIds.Count > 0 && refused.Contains(Text(p.CompanyIds[0]))))
            .ToDictionary(p => Text(p.Id), p => p.ExpectedRejection == Rejection.InvalidEmail ? "validation_type" : "value_not_found");
        Assert.Equal(
            expectedPeople.Select(p => $"{p.Key} {p.Value}").Order(StringComparer.Ordinal),
            rejectedPeople.Select(r => $"{r.Key} {r.Value.Code}").Order(StringComparer.Ordinal));
        var naming = data.Persons
            .Where(p => !rejectedPeople.ContainsKey(Text(p.Id)) && p.Fields.Any(v => v.FieldId is "field-1105" or "field-1106"
                && (v.ReferenceIds ?? (v.ReferenceId is { } one ? [one] : [])).Any(id => refused.Contains(Text(id)))))
            .Select(p => Text(p.Id))
            .ToList();
        Assert.All(naming, id => Assert.Contains(
            ((WriteResult.Written)people[id]).Warnings, w => w.Contains("refers to companies", StringComparison.Ordinal)));

        // A deal is refused when Attio holds no record for its company or one of its people: the company missing from
        // the dataset, and also a company or person that Attio refused itself.
        var rejectedDeals = Rejected(deals);
        var missing = data.Opportunities.Where(o => o.ExpectedRejection == Rejection.MissingCompanyReference).Select(o => Text(o.Id)).ToList();
        var onRefused = data.Opportunities
            .Where(o => o.ExpectedRejection is null
                && (o.CompanyIds.Any(id => refused.Contains(Text(id))) || o.PersonIds.Any(id => rejectedPeople.ContainsKey(Text(id)))))
            .Select(o => Text(o.Id))
            .ToList();
        Assert.Equal(expected.MissingCompanyReference, missing.Count);
        Assert.Equal(missing.Concat(onRefused).Order(StringComparer.Ordinal), rejectedDeals.Keys.Order(StringComparer.Ordinal));
        Assert.All(rejectedDeals.Values, r => Assert.Equal((RejectionOrigin.Target, "value_not_found"), (r.Origin, r.Code)));
        Assert.All(missing, id => Assert.Contains("companies", rejectedDeals[id].Message, StringComparison.Ordinal));

        var counts = (await attio.CountsAsync()).GetProperty("records");
        Assert.Equal(
            (Companies - rejectedCompanies.Count, data.Counts.Persons - rejectedPeople.Count, data.Counts.Opportunities - rejectedDeals.Count),
            (counts.GetProperty("companies").GetInt32(), counts.GetProperty("people").GetInt32(), counts.GetProperty("deals").GetInt32()));
        // A person whose company (v2's enriched current organization) were the refused one names it in people.company,
        // which the target does not look up: Attio refuses the person.
        var linked = new CanonicalPerson("900001", "Ada", "Linked", [], [rejectedCompanies.Keys.First()], []);
        var refusedPerson = await target.WriteAsync(EntityKind.People, CanonicalJson.ToRecord(linked.Id, linked), CancellationToken.None);
        Assert.Equal((RejectionOrigin.Target, "value_not_found"), (((WriteResult.Rejected)refusedPerson).Origin, ((WriteResult.Rejected)refusedPerson).Code));
        output.WriteLine($"companies rejected {rejectedCompanies.Count}; people rejected {rejectedPeople.Count}, written naming a refused company {naming.Count}; "
            + $"deals rejected {rejectedDeals.Count} ({missing.Count} on a missing company, {onRefused.Count} on a refused company or person)");
    }

    [Fact]
    public async Task Written_deals_carry_their_company_and_people_in_Attio()
    {
        await using var affinity = await AffinityHarness.StartAsync(Companies, seed: 21);
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target(limited: false);
        var source = affinity.Source(requestsPerMinute: 6000);
        await target.EnsureSchemaAsync(await affinity.Run(source.ReadSchemaAsync(CancellationToken.None)), CancellationToken.None);
        var companies = await WriteAllAsync(affinity, source, target, EntityKind.Companies);
        var people = await WriteAllAsync(affinity, source, target, EntityKind.People);

        var deals = await WriteAllAsync(affinity, source, target, EntityKind.Deals);

        var opportunity = affinity.Data.Opportunities.First(o => o.CompanyIds.Count == 1 && o.PersonIds.Count > 1
            && deals[Text(o.Id)] is WriteResult.Written);
        var values = await attio.RecordAsync("deals", ((WriteResult.Written)deals[Text(opportunity.Id)]).TargetId);
        Assert.Equal(
            ((WriteResult.Written)companies[Text(opportunity.CompanyIds[0])]).TargetId,
            Assert.Single(values.GetProperty("associated_company").EnumerateArray()).GetProperty("target_record_id").GetString());
        Assert.Equal(
            opportunity.PersonIds.Select(id => ((WriteResult.Written)people[Text(id)]).TargetId).Order(StringComparer.Ordinal),
            values.GetProperty("associated_people").EnumerateArray().Select(p => p.GetProperty("target_record_id").GetString()).Order(StringComparer.Ordinal));
    }

    private static async Task<Dictionary<string, WriteResult>> WriteAllAsync(
        AffinityHarness affinity, AffinitySource source, AttioTarget target, EntityKind kind)
    {
        var results = new Dictionary<string, WriteResult>(StringComparer.Ordinal);
        foreach (var (_, page) in await affinity.ReadAllAsync(source, kind))
        {
            foreach (var record in page.Records)
            {
                results.Add(record.SourceId, await target.WriteAsync(kind, record, CancellationToken.None));
            }
        }

        return results;
    }

    private static SortedDictionary<string, WriteResult.Rejected> Rejected(Dictionary<string, WriteResult> results) =>
        new(results.Where(r => r.Value is WriteResult.Rejected).ToDictionary(r => r.Key, r => (WriteResult.Rejected)r.Value), new NumericOrder());

    private static string Text(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed class NumericOrder : IComparer<string>
    {
        public int Compare(string? x, string? y) => long.Parse(x!, System.Globalization.CultureInfo.InvariantCulture)
            .CompareTo(long.Parse(y!, System.Globalization.CultureInfo.InvariantCulture));
    }
}

using System.Net;
using System.Text.Json;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Dataset;
using static Freight.Sandbox.Tests.Affinity.AffinityJson;

namespace Freight.Sandbox.Tests.Affinity;

/// <summary>The <c>companies</c> and <c>persons</c> association fields of opportunity and person lists.</summary>
public sealed class AssociationTests
{
    private const int Seed = 7;
    private const int Companies = 300;
    private static readonly SandboxDataset Data = SandboxDataset.Generate(Seed, Companies);

    private static Task<SimulatorHarness> StartAsync() => SimulatorHarness.StartAsync(Companies, Seed);

    private static JsonElement Field(JsonElement entity, string id) =>
        Assert.Single(entity.GetProperty("fields").EnumerateArray(), f => f.GetProperty("id").GetString() == id);

    private static List<long>? ReferenceIds(JsonElement field)
    {
        var data = field.GetProperty("value").GetProperty("data");
        return data.ValueKind == JsonValueKind.Null ? null : [.. data.EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];
    }

    [Fact]
    public async Task Deal_and_person_lists_offer_companies_and_persons_as_list_fields_and_the_company_list_none()
    {
        await using var harness = await StartAsync();

        var (_, deals) = await harness.GetAsync("v2/lists/3/fields");
        var (_, persons) = await harness.GetAsync("v2/lists/2/fields");
        var (_, companies) = await harness.GetAsync("v2/lists/1/fields");

        var dealFields = deals.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(
            """{"id":"companies","name":"Organizations","type":"list","enrichmentSource":null,"valueType":"company-multi"}""",
            dealFields[0].GetRawText());
        Assert.Equal(
            """{"id":"persons","name":"People","type":"list","enrichmentSource":null,"valueType":"person-multi"}""",
            dealFields[^1].GetRawText());
        Assert.Equal(
            ["companies", "field-2101", "field-2102", "field-1101"],
            persons.GetProperty("data").EnumerateArray().Take(4).Select(f => f.GetProperty("id").GetString()));
        Assert.DoesNotContain(companies.GetProperty("data").EnumerateArray(), f => f.GetProperty("id").GetString() is "companies" or "persons");
    }

    [Fact]
    public async Task Deal_entries_carry_their_opportunitys_companies_and_persons_in_order_and_null_when_none()
    {
        await using var harness = await StartAsync();

        var (response, page) = await harness.GetAsync("v2/lists/3/list-entries?fieldIds=companies&fieldIds=persons");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = page.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(100, entries.Count);
        foreach (var entry in entries)
        {
            var entity = entry.GetProperty("entity");
            var opportunity = Data.Opportunities.FindById(entity.GetProperty("id").GetInt64())!;
            Assert.Equal(["companies", "persons"], entity.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
            Assert.Equal(opportunity.CompanyIds.Count == 0 ? null : opportunity.CompanyIds, ReferenceIds(Field(entity, "companies")));
            Assert.Equal(opportunity.PersonIds.Count == 0 ? null : opportunity.PersonIds, ReferenceIds(Field(entity, "persons")));
        }

        Assert.Contains(entries, e => ReferenceIds(Field(e.GetProperty("entity"), "companies")) is null);
        Assert.Contains(entries, e => ReferenceIds(Field(e.GetProperty("entity"), "persons")) is null);
    }

    [Fact]
    public async Task An_entry_by_id_carries_the_associations_as_company_and_person_data()
    {
        await using var harness = await StartAsync();
        var entry = Data.EntriesOf(3)!.First(e =>
            Data.Opportunities.FindById(e.EntityId) is { ExpectedRejection: null, CompanyIds.Count: 1, PersonIds.Count: > 0 });
        var opportunity = Data.Opportunities.FindById(entry.EntityId)!;
        var company = Data.Companies.FindById(opportunity.CompanyIds[0])!;
        var person = Data.Persons.FindById(opportunity.PersonIds[0])!;

        var (_, single) = await harness.GetAsync($"v2/lists/3/list-entries/{entry.Id}?fieldTypes=list");

        var entity = single.GetProperty("entity");
        Assert.Equal(
            JsonSerializer.Serialize(new { type = "company-multi", data = new[] { new { id = company.Id, name = company.Name, domain = company.Domain } } }),
            Field(entity, "companies").GetProperty("value").GetRawText());
        var first = Field(entity, "persons").GetProperty("value").GetProperty("data")[0];
        Assert.Equal(
            (person.Id, person.FirstName, person.LastName, person.PrimaryEmailAddress, "person-multi"),
            (first.GetProperty("id").GetInt64(), first.GetProperty("firstName").GetString(), first.GetProperty("lastName").GetString(),
                first.GetProperty("primaryEmailAddress").GetString(), Field(entity, "persons").GetProperty("value").GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_company_missing_from_the_dataset_is_sent_with_its_id_an_empty_name_and_no_domain()
    {
        await using var harness = await StartAsync();
        var opportunity = Data.Opportunities.First(o => o.ExpectedRejection == Rejection.MissingCompanyReference);
        var entry = Data.EntriesOf(3)!.Single(e => e.EntityId == opportunity.Id);

        var (_, single) = await harness.GetAsync($"v2/lists/3/list-entries/{entry.Id}?fieldIds=companies");

        Assert.True(opportunity.CompanyIds[0] > Data.Counts.Companies);
        Assert.Equal(
            $$$"""{"id":"companies","name":"Organizations","type":"list","enrichmentSource":null,"value":{"type":"company-multi","data":[{"id":{{{opportunity.CompanyIds[0]}}},"name":"","domain":null}]}}""",
            Assert.Single(single.GetProperty("entity").GetProperty("fields").EnumerateArray()).GetRawText());
    }

    [Fact]
    public async Task Person_entries_carry_the_persons_companies()
    {
        await using var harness = await StartAsync();
        var entry = Data.EntriesOf(2)!.First(e => Data.Persons.FindById(e.EntityId)!.CompanyIds.Count > 1);
        var person = Data.Persons.FindById(entry.EntityId)!;

        var (_, single) = await harness.GetAsync($"v2/lists/2/list-entries/{entry.Id}?fieldIds=companies");
        var (_, own) = await harness.GetAsync($"v2/persons/{person.Id}/list-entries");

        Assert.Equal(person.CompanyIds, ReferenceIds(Field(single.GetProperty("entity"), "companies")));
        Assert.Equal(person.CompanyIds, ReferenceIds(Field(own.GetProperty("data")[0], "companies")));
    }

    [Fact]
    public async Task Opportunities_and_company_entries_have_no_association_fields()
    {
        await using var harness = await StartAsync();

        var (page, opportunities) = await harness.GetAsync("v2/opportunities?limit=5&fieldIds=companies&fieldTypes=list");
        var (one, opportunity) = await harness.GetAsync("v2/opportunities/2?fieldIds=persons");
        var (refused, error) = await harness.GetAsync("v2/lists/1/list-entries?fieldIds=companies");

        // The document's Opportunity has id, name and listId only, and its routes take no field selection.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (page.StatusCode, one.StatusCode));
        Assert.All(opportunities.GetProperty("data").EnumerateArray(), o =>
            Assert.Equal(["id", "name", "listId"], o.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["id", "name", "listId"], opportunity.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(("validation", "fieldIds"), (SingleError(error).GetProperty("code").GetString(), SingleError(error).GetProperty("param").GetString()));
    }

    [Fact]
    public void Association_arrays_stop_at_100_in_the_opportunitys_order()
    {
        var data = SandboxDataset.Generate(Seed, 60);
        var list = data.Lists.Single(l => l.Id == 3);
        long[] persons = [.. Enumerable.Range(1, 150).Select(i => (long)(151 - i))];
        long[] companies = [.. Enumerable.Range(1, 120).Select(i => (long)i)];
        var opportunity = new Opportunity(1, "Big deal", 3, companies, persons, null);

        var fields = FieldData.Of(Associations.Of(list), [], Associations.With([], opportunity), data);

        var sentCompanies = Assert.IsType<List<CompanyDataDto>>(fields[0].Value.Data);
        var sentPersons = Assert.IsType<List<PersonDataDto>>(fields[1].Value.Data);
        Assert.Equal(companies.Take(100), sentCompanies.Select(c => c.Id));
        Assert.Equal(persons.Take(100), sentPersons.Select(p => p.Id));
        Assert.Equal(("", null), (sentCompanies[^1].Name, sentCompanies[^1].Domain));
        Assert.Equal(data.Companies[0].Name, sentCompanies[0].Name);
    }
}

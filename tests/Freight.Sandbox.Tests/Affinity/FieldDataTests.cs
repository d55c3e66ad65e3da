using System.Net;
using System.Text.Json;
using Freight.Sandbox.Dataset;
using static Freight.Sandbox.Tests.Affinity.AffinityJson;

namespace Freight.Sandbox.Tests.Affinity;

public sealed class FieldDataTests
{
    // The harness serves SandboxDataset.Generate(Seed, Companies); the tests read the same records directly.
    private const int Seed = 7;
    private const int Companies = 400;
    private static readonly SandboxDataset Data = SandboxDataset.Generate(Seed, Companies);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static Task<SimulatorHarness> StartAsync() => SimulatorHarness.StartAsync(Companies, Seed);

    private static Company CompanyWith(Func<FieldValue, bool> match) => Data.Companies.First(c => c.Fields.Any(match));

    private static JsonElement Field(JsonElement entity, string id) =>
        Assert.Single(entity.GetProperty("fields").EnumerateArray(), f => f.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Companies_carry_no_field_data_without_a_selection()
    {
        await using var harness = await StartAsync();

        var (_, page) = await harness.GetAsync("v2/companies?limit=10");
        var (_, company) = await harness.GetAsync("v2/companies/1");

        Assert.All(page.GetProperty("data").EnumerateArray(), c => Assert.False(c.TryGetProperty("fields", out _)));
        Assert.False(company.TryGetProperty("fields", out _));
    }

    [Fact]
    public async Task FieldTypes_global_gives_every_global_field_of_every_company_in_catalog_order()
    {
        await using var harness = await StartAsync();

        var (response, page) = await harness.GetAsync("v2/companies?limit=100&fieldTypes=global");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = Data.Fields.Where(f => f.Entity == EntityType.Company && f.ListId is null).Select(f => f.Id).ToList();
        Assert.Equal(9, expected.Count);
        Assert.All(page.GetProperty("data").EnumerateArray(), c =>
        {
            var fields = c.GetProperty("fields").EnumerateArray().ToList();
            Assert.Equal(expected, fields.Select(f => f.GetProperty("id").GetString()));
            Assert.All(fields, f => Assert.Equal("global", f.GetProperty("type").GetString()));
            Assert.All(fields, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("enrichmentSource").ValueKind));
        });
    }

    [Fact]
    public async Task FieldIds_select_only_the_named_fields_and_a_missing_value_has_null_data()
    {
        await using var harness = await StartAsync();
        var company = Data.Companies.First(c => c.Fields.All(v => v.FieldId != "field-1002"));

        var (_, body) = await harness.GetAsync($"v2/companies/{company.Id}?fieldIds=field-1002&fieldIds=field-1001");

        var fields = body.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(["field-1001", "field-1002"], fields.Select(f => f.GetProperty("id").GetString()));
        Assert.Equal("""{"type":"number","data":null}""", fields[1].GetProperty("value").GetRawText());
        Assert.Equal("Employees", fields[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Single_values_have_the_v2_data_of_their_type()
    {
        await using var harness = await StartAsync();
        var company = Data.Companies.First(c => new[] { "field-1001", "field-1002", "field-1003", "field-1004", "field-1005", "field-1006" }
            .All(id => c.Fields.Any(v => v.FieldId == id)) && c.ExpectedRejection is null);
        var values = company.Fields.ToDictionary(v => v.FieldId);
        var contact = Data.Persons.FindById(values["field-1006"].ReferenceId!.Value)!;

        var (_, body) = await harness.GetAsync($"v2/companies/{company.Id}?fieldTypes=global");

        var industry = values["field-1001"].Option!;
        Assert.Equal(
            $$$"""{"type":"dropdown","data":{"dropdownOptionId":{{{industry.Id}}},"text":"{{{industry.Text}}}"}}""",
            Field(body, "field-1001").GetProperty("value").GetRawText());
        Assert.Equal(values["field-1002"].Number, Field(body, "field-1002").GetProperty("value").GetProperty("data").GetDouble());
        Assert.Equal(
            values["field-1003"].Datetime!.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            Field(body, "field-1003").GetProperty("value").GetProperty("data").GetString());
        Assert.Equal(
            JsonSerializer.Serialize(values["field-1004"].Location, Web),
            Field(body, "field-1004").GetProperty("value").GetProperty("data").GetRawText());
        Assert.Equal("text", Field(body, "field-1005").GetProperty("value").GetProperty("type").GetString());
        Assert.Equal(values["field-1005"].Text, Field(body, "field-1005").GetProperty("value").GetProperty("data").GetString());
        var person = Field(body, "field-1006").GetProperty("value");
        Assert.Equal("person", person.GetProperty("type").GetString());
        Assert.Equal(
            JsonSerializer.Serialize(new
            {
                id = contact.Id,
                firstName = contact.FirstName,
                lastName = contact.LastName,
                primaryEmailAddress = contact.PrimaryEmailAddress,
                type = contact.Type == PersonType.Internal ? "internal" : "external",
            }),
            person.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task An_empty_multi_value_is_null_not_an_empty_array()
    {
        await using var harness = await StartAsync();
        var company = CompanyWith(v => v.FieldId == "field-1007" && v.Options!.Count == 0);

        var (_, body) = await harness.GetAsync($"v2/companies/{company.Id}?fieldIds=field-1007");

        Assert.Equal("""{"type":"dropdown-multi","data":null}""", Field(body, "field-1007").GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task Multi_values_are_arrays_of_the_single_form()
    {
        await using var harness = await StartAsync();
        var company = CompanyWith(v => v.FieldId == "field-1007" && v.Options!.Count > 1);
        var tags = company.Fields.Single(v => v.FieldId == "field-1007").Options!;

        var (_, body) = await harness.GetAsync($"v2/companies/{company.Id}?fieldIds=field-1007");

        var value = Field(body, "field-1007").GetProperty("value");
        Assert.Equal("dropdown-multi", value.GetProperty("type").GetString());
        Assert.Equal(tags.Select(t => t.Id), value.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("dropdownOptionId").GetInt64()));
        Assert.Equal(tags.Select(t => t.Text), value.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Nested_person_and_company_arrays_stop_at_100()
    {
        await using var harness = await StartAsync();
        var company = CompanyWith(v => v.FieldId == "field-1008" && v.ReferenceIds!.Count > 100);
        var contacts = company.Fields.Single(v => v.FieldId == "field-1008").ReferenceIds!;
        var person = Data.Persons.First(p => p.Fields.Any(v => v.FieldId == "field-1106" && v.ReferenceIds!.Count > 100));
        var portfolio = person.Fields.Single(v => v.FieldId == "field-1106").ReferenceIds!;

        var (_, companyBody) = await harness.GetAsync($"v2/companies/{company.Id}?fieldIds=field-1008");
        var (_, personBody) = await harness.GetAsync($"v2/persons/{person.Id}?fieldIds=field-1106");

        var people = Field(companyBody, "field-1008").GetProperty("value");
        Assert.Equal("person-multi", people.GetProperty("type").GetString());
        Assert.Equal(contacts.Take(100), people.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
        var companies = Field(personBody, "field-1106").GetProperty("value");
        Assert.Equal("company-multi", companies.GetProperty("type").GetString());
        Assert.Equal(portfolio.Take(100), companies.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal(
            ["domain", "id", "name"],
            companies.GetProperty("data")[0].EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Types_without_fields_in_the_workspace_select_an_empty_list()
    {
        await using var harness = await StartAsync();

        var (_, body) = await harness.GetAsync("v2/companies/3?fieldTypes=enriched&fieldTypes=relationship-intelligence");

        Assert.Equal(0, body.GetProperty("fields").GetArrayLength());
    }

    [Fact]
    public async Task A_persons_current_organization_is_its_first_company_as_an_enriched_company_field()
    {
        await using var harness = await StartAsync();
        var person = Data.Persons.First(p => p.CompanyIds.Count > 0);
        var loner = Data.Persons.FirstOrDefault(p => p.CompanyIds.Count == 0);

        var (_, body) = await harness.GetAsync($"v2/persons/{person.Id}?fieldTypes=enriched");
        var (_, metadata) = await harness.GetAsync("v2/persons/fields");

        var field = Assert.Single(body.GetProperty("fields").EnumerateArray());
        Assert.Equal(("affinity-data-current-organization", "Current Organization", "enriched", "affinity-data", "company"),
            (field.GetProperty("id").GetString(), field.GetProperty("name").GetString(), field.GetProperty("type").GetString(),
                field.GetProperty("enrichmentSource").GetString(), field.GetProperty("value").GetProperty("type").GetString()));
        var company = Data.Companies.FindById(person.CompanyIds[0])!;
        Assert.Equal((company.Id, company.Name), (field.GetProperty("value").GetProperty("data").GetProperty("id").GetInt64(),
            field.GetProperty("value").GetProperty("data").GetProperty("name").GetString()));
        Assert.Contains(metadata.GetProperty("data").EnumerateArray(), f => f.GetProperty("id").GetString() == "affinity-data-current-organization"
            && f.GetProperty("type").GetString() == "enriched" && f.GetProperty("enrichmentSource").GetString() == "affinity-data");
        if (loner is not null)
        {
            var (_, alone) = await harness.GetAsync($"v2/persons/{loner.Id}?fieldIds=affinity-data-current-organization");
            Assert.Equal(System.Text.Json.JsonValueKind.Null, alone.GetProperty("fields")[0].GetProperty("value").GetProperty("data").ValueKind);
        }
    }

    [Theory]
    [InlineData("v2/companies?fieldIds=field-9999", "fieldIds")]
    [InlineData("v2/companies?fieldIds=field-1101", "fieldIds")] // a person field
    [InlineData("v2/companies/1?fieldIds=field-2001", "fieldIds")] // a list field: only on list entries
    [InlineData("v2/persons?fieldTypes=list", "fieldTypes")]
    [InlineData("v2/persons/1?fieldTypes=Global", "fieldTypes")]
    [InlineData("v2/lists/1/list-entries?fieldIds=field-2101", "fieldIds")] // another list's field
    [InlineData("v2/lists/3/list-entries?fieldTypes=custom", "fieldTypes")]
    [InlineData("v2/lists/2/list-entries/1?fieldIds=", "fieldIds")]
    public async Task Unknown_field_ids_and_types_are_400_validation_errors(string url, string param)
    {
        await using var harness = await StartAsync();

        var (response, body) = await harness.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = SingleError(body);
        Assert.Equal("validation", error.GetProperty("code").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task List_entries_carry_global_then_list_fields_of_their_entity()
    {
        await using var harness = await StartAsync();
        var entry = Data.EntriesOf(1)![3];
        var company = Data.Companies.FindById(entry.EntityId)!;
        var status = entry.Fields.Single(v => v.FieldId == "field-2001").Option!;

        var (_, page) = await harness.GetAsync("v2/lists/1/list-entries?limit=5&fieldTypes=global&fieldTypes=list");

        var entity = page.GetProperty("data")[3].GetProperty("entity");
        Assert.Equal(company.Id, entity.GetProperty("id").GetInt64());
        Assert.Equal(
            ["field-1001", "field-1002", "field-1003", "field-1004", "field-1005", "field-1006", "field-1007", "field-1008", "field-1009",
                "field-2001", "field-2002", "field-2003"],
            entity.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal("list", Field(entity, "field-2001").GetProperty("type").GetString());
        Assert.Equal(
            $$$"""{"type":"ranked-dropdown","data":{"dropdownOptionId":{{{status.Id}}},"text":"{{{status.Text}}}","rank":{{{status.Rank}}},"color":"{{{status.Color}}}"}}""",
            Field(entity, "field-2001").GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task Opportunity_entries_carry_the_deal_list_fields_and_opportunities_none()
    {
        await using var harness = await StartAsync();
        var entry = Data.EntriesOf(3)!.First(e => e.Fields.Any(v => v.FieldId == "field-2205"));
        var team = entry.Fields.Single(v => v.FieldId == "field-2205").ReferenceIds!;

        var (_, single) = await harness.GetAsync($"v2/lists/3/list-entries/{entry.Id}?fieldTypes=list");
        var (_, opportunity) = await harness.GetAsync($"v2/opportunities/{entry.EntityId}?fieldTypes=list");

        var entity = single.GetProperty("entity");
        Assert.Equal(["companies", "field-2201", "field-2202", "field-2203", "field-2204", "field-2205", "persons"],
            entity.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(team, Field(entity, "field-2205").GetProperty("value").GetProperty("data").EnumerateArray()
            .Select(p => p.GetProperty("id").GetInt64()));
        Assert.False(opportunity.TryGetProperty("fields", out _));
    }

    [Fact]
    public async Task NextUrl_keeps_the_field_selection()
    {
        await using var harness = await StartAsync();

        var (_, first) = await harness.GetAsync("v2/companies?limit=5&fieldTypes=global&fieldIds=field-1001");
        var next = NextUrl(first)!;
        var (_, second) = await harness.GetAsync(next);

        Assert.Contains("?fieldTypes=global&fieldIds=field-1001&cursor=", next, StringComparison.Ordinal);
        Assert.Equal([6, 7, 8, 9, 10], Ids(second));
        Assert.All(second.GetProperty("data").EnumerateArray(), c => Assert.Equal(9, c.GetProperty("fields").GetArrayLength()));
    }

    [Fact]
    public async Task Timestamps_are_utc_with_a_z()
    {
        await using var harness = await StartAsync();

        var (_, page) = await harness.GetAsync("v2/lists/2/list-entries?limit=1");

        Assert.EndsWith("Z", page.GetProperty("data")[0].GetProperty("createdAt").GetString(), StringComparison.Ordinal);
    }
}

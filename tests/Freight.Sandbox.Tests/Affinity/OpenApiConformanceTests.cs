using System.Globalization;
using System.Text.Json;
using Freight.Sandbox.Dataset;
using Freight.Sandbox.Tests.OpenApi;
using Xunit.Abstractions;

namespace Freight.Sandbox.Tests.Affinity;

/// <summary>
/// Compares simulator answers with the published Affinity v2 OpenAPI document (see <see cref="SpecFile"/>).
/// </summary>
public sealed class OpenApiConformanceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("/v2/auth/whoami", "v2/auth/whoami")]
    [InlineData("/v2/companies", "v2/companies?limit=25")]
    [InlineData("/v2/companies/{companyId}", "v2/companies/3")]
    [InlineData("/v2/companies/fields", "v2/companies/fields")]
    [InlineData("/v2/persons", "v2/persons?limit=40")]
    [InlineData("/v2/persons/{personId}", "v2/persons/4")]
    [InlineData("/v2/persons/fields", "v2/persons/fields")]
    [InlineData("/v2/opportunities", "v2/opportunities?limit=25")]
    [InlineData("/v2/opportunities/{opportunityId}", "v2/opportunities/2")]
    [InlineData("/v2/lists", "v2/lists")]
    [InlineData("/v2/lists/{listId}", "v2/lists/2")]
    [InlineData("/v2/lists/{listId}/fields", "v2/lists/1/fields")]
    [InlineData("/v2/lists/{listId}/fields", "v2/lists/3/fields")]
    [InlineData("/v2/lists/{listId}/list-entries", "v2/lists/2/list-entries?limit=50&fieldIds=companies")]
    [InlineData("/v2/lists/{listId}/list-entries", "v2/lists/1/list-entries?limit=10")]
    [InlineData("/v2/lists/{listId}/list-entries", "v2/lists/2/list-entries?limit=10")]
    [InlineData("/v2/lists/{listId}/list-entries", "v2/lists/3/list-entries?limit=10")]
    [InlineData("/v2/notes", "v2/notes?limit=100&includes=personsPreview&includes=companiesPreview&includes=opportunitiesPreview")]
    [InlineData("/v2/notes/{noteId}", "v2/notes/1?includes=repliesCount")]
    [InlineData("/v2/notes", "v2/notes?limit=5&totalCount=true")]
    [InlineData("/v2/companies", "v2/companies?limit=100&fieldTypes=global")]
    [InlineData("/v2/companies", "v2/companies?ids=3&ids=1&fieldIds=field-1008&fieldIds=field-1007")]
    [InlineData("/v2/companies/{companyId}", "v2/companies/3?fieldTypes=global&fieldTypes=enriched")]
    [InlineData("/v2/persons", "v2/persons?limit=100&fieldTypes=global")]
    [InlineData("/v2/persons/{personId}", "v2/persons/4?fieldTypes=global")]
    [InlineData("/v2/opportunities", "v2/opportunities?ids=2&ids=4")]
    [InlineData("/v2/lists/{listId}/list-entries", "v2/lists/1/list-entries?limit=50&fieldTypes=global&fieldTypes=list")]
    [InlineData("/v2/lists/{listId}/list-entries", "v2/lists/2/list-entries?limit=50&fieldTypes=global&fieldTypes=list")]
    [InlineData("/v2/lists/{listId}/list-entries", "v2/lists/3/list-entries?limit=50&fieldTypes=list")]
    [InlineData("/v2/lists/{listId}/list-entries/{listEntryId}", "v2/lists/1/list-entries/2?fieldTypes=list")]
    [InlineData("/v2/lists/{listId}/list-entries/{listEntryId}", "v2/lists/3/list-entries/{dealEntry}?fieldTypes=list")]
    [InlineData("/v2/companies/{companyId}/lists", "v2/companies/{companyInList}/lists")]
    [InlineData("/v2/companies/{companyId}/list-entries", "v2/companies/{companyInList}/list-entries")]
    [InlineData("/v2/companies/{companyId}/notes", "v2/companies/{companyWithNotes}/notes?totalCount=true")]
    [InlineData("/v2/persons/{personId}/lists", "v2/persons/{personInList}/lists")]
    [InlineData("/v2/persons/{personId}/list-entries", "v2/persons/{personInList}/list-entries")]
    [InlineData("/v2/persons/{personId}/notes", "v2/persons/{personWithNotes}/notes")]
    [InlineData("/v2/opportunities/{opportunityId}/notes", "v2/opportunities/{opportunityWithNotes}/notes?limit=100")]
    public async Task Response_has_the_shape_the_spec_declares(string specPath, string url)
    {
        if (SpecFile.FindOrNote(SpecFile.Affinity, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(await File.ReadAllTextAsync(specFile));
        var checker = new OpenApiShapeChecker(spec.RootElement);
        await using var harness = await SimulatorHarness.StartAsync(companies: 60, seed: 7);

        var (response, body) = await harness.GetAsync(Resolve(url, SandboxDataset.Generate(seed: 7, companies: 60)));

        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        Assert.True(!body.TryGetProperty("data", out var data) || data.GetArrayLength() > 0, $"{url}: an empty page checks nothing");
        var problems = checker.Check(checker.ResponseSchema(specPath), body);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    // Placeholders name records of the harness's dataset that have what the route shows.
    private static string Resolve(string url, SandboxDataset data)
    {
        long First(int count, Func<long, bool> match) => Enumerable.Range(1, count).Select(i => (long)i).First(match);
        return url
            .Replace("{dealEntry}", Text(data.EntriesOf(3)![5].Id), StringComparison.Ordinal)
            .Replace("{companyInList}", Text(data.EntriesOf(1)![3].EntityId), StringComparison.Ordinal)
            .Replace("{personInList}", Text(data.EntriesOf(2)![3].EntityId), StringComparison.Ordinal)
            .Replace("{companyWithNotes}", Text(First(data.Counts.Companies, id => data.NoteIdsOf(EntityType.Company, id).Count > 0)), StringComparison.Ordinal)
            .Replace("{personWithNotes}", Text(First(data.Counts.Persons, id => data.NoteIdsOf(EntityType.Person, id).Count > 0)), StringComparison.Ordinal)
            .Replace("{opportunityWithNotes}", Text(First(data.Counts.Opportunities, id => data.NoteIdsOf(EntityType.Opportunity, id).Count > 0)), StringComparison.Ordinal);
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Error_bodies_have_the_shape_the_spec_declares()
    {
        if (SpecFile.FindOrNote(SpecFile.Affinity, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(await File.ReadAllTextAsync(specFile));
        var checker = new OpenApiShapeChecker(spec.RootElement);
        await using var harness = await SimulatorHarness.StartAsync();

        var (_, badLimit) = await harness.GetAsync("v2/companies?limit=0");
        var (_, notFound) = await harness.GetAsync("v2/companies/999");

        Assert.Empty(checker.Check(checker.ResponseSchema("/v2/companies", 400), badLimit));
        Assert.Empty(checker.Check(checker.ResponseSchema("/v2/companies/{companyId}", 404), notFound));
    }

    [Fact]
    public void Checker_reports_missing_extra_and_mistyped_properties()
    {
        if (SpecFile.FindOrNote(SpecFile.Affinity, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(File.ReadAllText(specFile));
        var checker = new OpenApiShapeChecker(spec.RootElement);
        using var page = JsonDocument.Parse("""
            {"data":[{"id":"1","name":"Acme","domain":null,"domains":[],"color":"red"}],
             "pagination":{"prevUrl":null,"nextUrl":null}}
            """);

        var problems = checker.Check(checker.ResponseSchema("/v2/companies"), page.RootElement);

        Assert.Contains("$.data[0].isGlobal: required but missing", problems);
        Assert.Contains("$.data[0].color: not in the schema", problems);
        Assert.Contains("$.data[0].id: expected integer, got String", problems);
        using var note = JsonDocument.Parse("""{"id":1,"type":"entities","content":{"html":null}}""");
        Assert.NotEmpty(checker.Check(checker.ResponseSchema("/v2/notes/{noteId}"), note.RootElement));
    }
}

using System.Text.Json;
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
    [InlineData("/v2/lists/{listId}/list-entries", "v2/lists/1/list-entries?limit=10")]
    [InlineData("/v2/lists/{listId}/list-entries", "v2/lists/2/list-entries?limit=10")]
    [InlineData("/v2/lists/{listId}/list-entries", "v2/lists/3/list-entries?limit=10")]
    [InlineData("/v2/notes", "v2/notes?limit=100&includes=personsPreview&includes=companiesPreview&includes=opportunitiesPreview")]
    [InlineData("/v2/notes/{noteId}", "v2/notes/1?includes=repliesCount")]
    public async Task Response_has_the_shape_the_spec_declares(string specPath, string url)
    {
        if (SpecFile.FindOrNote(SpecFile.Affinity, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(await File.ReadAllTextAsync(specFile));
        var checker = new OpenApiShapeChecker(spec.RootElement);
        await using var harness = await SimulatorHarness.StartAsync(companies: 60);

        var (response, body) = await harness.GetAsync(url);

        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        var problems = checker.Check(checker.ResponseSchema(specPath), body);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

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

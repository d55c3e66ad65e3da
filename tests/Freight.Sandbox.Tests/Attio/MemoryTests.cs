using System.Text.Json;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Tests.Dataset;
using Xunit.Abstractions;

namespace Freight.Sandbox.Tests.Attio;

[Collection(MemoryMeasurementGroup.Name)]
public sealed class MemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void A_migrated_person_costs_under_750_bytes()
    {
        const int companies = 1_000;
        const int people = 100_000;
        var workspace = new AttioWorkspace(new AttioSimulatorOptions());
        using (var attribute = JsonDocument.Parse(SchemaTests.AffinityIdAttribute))
        {
            workspace.CreateAttribute("objects", "people", attribute.RootElement.GetProperty("data"));
        }

        for (var i = 0; i < companies; i++)
        {
            Create(workspace, "companies", $$"""{"name":"Company {{i}}","domains":["company{{i}}.example"]}""");
        }

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < people; i++)
        {
            Create(workspace, "people", $$"""
                {"affinity_id":"{{i}}","name":{"first_name":"Ada","last_name":"Lovelace{{i}}","full_name":"Ada Lovelace{{i}}"},
                 "email_addresses":["ada.lovelace{{i}}@company{{i % companies}}.example"],"job_title":"Engineer",
                 "company":"company{{i % companies}}.example"}
                """);
        }

        var perRecord = (GC.GetTotalMemory(forceFullCollection: true) - baseline) / people;
        output.WriteLine($"{perRecord} bytes per person (5 values, 2 unique keys, a company reference and its inverse)");
        Assert.Equal(people, workspace.Counts().Records["people"]);
        Assert.InRange(perRecord, 100, 750);
        GC.KeepAlive(workspace);
    }

    private static void Create(AttioWorkspace workspace, string objectSlug, string values)
    {
        using var document = JsonDocument.Parse(values);
        workspace.CreateRecord(objectSlug, document.RootElement);
    }
}

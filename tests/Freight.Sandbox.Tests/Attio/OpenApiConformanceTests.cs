using System.Text.Json;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Tests.OpenApi;
using Xunit.Abstractions;

namespace Freight.Sandbox.Tests.Attio;

/// <summary>
/// Compares the simulator's answers with the published Attio v2 OpenAPI document (see <see cref="SpecFile"/>): every
/// endpoint Freight uses, on success and on its documented errors.
/// </summary>
public sealed class OpenApiConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Responses_have_the_shapes_the_spec_declares()
    {
        if (SpecFile.FindOrNote(SpecFile.Attio, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(await File.ReadAllTextAsync(specFile));
        var checker = new OpenApiShapeChecker(spec.RootElement);
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { Speed = 100 });
        var problems = new List<string>();

        async Task<Reply> Check(string specPath, string method, string url, string? body = null, int status = 200)
        {
            var reply = await harness.SendAsync(new HttpMethod(method.ToUpperInvariant()), url, body);
            if (reply.Status != status)
            {
                problems.Add($"{method} {url}: expected {status}, got {reply.Status}: {reply.Text}");
                return reply;
            }

            problems.AddRange(checker.Check(checker.ResponseSchema(specPath, status, method), reply.Body).Select(p => $"{method} {url}: {p}"));
            return reply;
        }

        const string attributes = "/v2/{target}/{identifier}/attributes";
        const string attribute = attributes + "/{attribute}";
        await Check("/v2/self", "get", "v2/self");
        await Check("/v2/objects", "get", "v2/objects");
        await Check("/v2/objects/{object}", "get", "v2/objects/people");
        await Check("/v2/objects/{object}", "get", "v2/objects/planets", status: 404);
        await Check(attributes, "get", "v2/objects/companies/attributes");
        await Check(attributes, "get", "v2/objects/deals/attributes");
        await Check(attributes, "post", "v2/objects/people/attributes", SchemaTests.AffinityIdAttribute);
        await Check(attributes, "post", "v2/objects/people/attributes", SchemaTests.AffinityIdAttribute, 409);
        await Check(attributes, "post", "v2/objects/companies/attributes", """
            {"data":{"title":"Industry","description":"From Affinity","api_slug":"industry","type":"select","is_required":false,"is_unique":false,"is_multiselect":true,"config":{}}}
            """);
        await Check(attribute, "get", "v2/objects/people/attributes/company");
        await Check(attribute, "get", "v2/objects/people/attributes/nope", status: 404);
        await Check(attribute + "/options", "post", "v2/objects/companies/attributes/industry/options", """{"data":{"title":"Software"}}""");
        await Check(attribute + "/options", "get", "v2/objects/companies/attributes/industry/options");
        await Check(attribute + "/statuses", "get", "v2/objects/deals/attributes/stage/statuses");
        await Check(attribute + "/statuses", "post", "v2/objects/deals/attributes/stage/statuses", """{"data":{"title":"Diligence"}}""");
        var members = await Check("/v2/workspace_members", "get", "v2/workspace_members");
        await Check("/v2/workspace_members/{workspace_member_id}", "get",
            $"v2/workspace_members/{members.Data[0].GetProperty("id").GetProperty("workspace_member_id").GetString()}");

        const string records = "/v2/objects/{object}/records";
        const string record = records + "/{record_id}";
        var company = await Check(records, "post", "v2/objects/companies/records", """
            {"data":{"values":{"name":"Acme","domains":["acme.com"],"industry":["Software"],"primary_location":"London"}}}
            """);
        var companyId = company.Data.GetProperty("id").GetProperty("record_id").GetString();
        var person = await Check(records, "put", "v2/objects/people/records?matching_attribute=affinity_id", """
            {"data":{"values":{"affinity_id":"p-1","name":"Lovelace, Ada","email_addresses":["ada@acme.com"],"phone_numbers":["+447700900123"],"company":"acme.com"}}}
            """);
        var personId = person.Data.GetProperty("id").GetProperty("record_id").GetString();
        await Check(records, "post", "v2/objects/people/records", """{"data":{"values":{"shoe_size":1}}}""", 400);
        await Check(records + "/query", "post", "v2/objects/people/records/query", """{"filter":{"affinity_id":"p-1"}}""");
        await Check(records + "/query", "post", "v2/objects/people/records/query", """{"filter":{"shoe_size":"1"}}""", 400);
        await Check(record, "get", $"v2/objects/companies/records/{companyId}");
        await Check(record, "get", $"v2/objects/companies/records/{Guid.Empty}", status: 404);
        await Check(record, "patch", $"v2/objects/people/records/{personId}", """{"data":{"values":{"job_title":"CTO"}}}""");
        await Check(record, "put", $"v2/objects/people/records/{personId}", """{"data":{"values":{"phone_numbers":[]}}}""");
        await Check(records, "post", "v2/objects/deals/records",
            """{"data":{"values":{"name":"Deal","stage":"Lead","owner":"avery@freight-sandbox.example","value":100}}}""");

        var list = await Check("/v2/lists", "post", "v2/lists", ListTests.Pipeline);
        await Check("/v2/lists", "get", "v2/lists");
        await Check("/v2/lists/{list}", "get", $"v2/lists/{list.Data.GetProperty("id").GetProperty("list_id").GetString()}");
        await Check("/v2/lists/{list}", "get", "v2/lists/nope", status: 404);
        var entryBody = $"{{\"data\":{{\"parent_record_id\":\"{companyId}\",\"parent_object\":\"companies\",\"entry_values\":{{}}}}}}";
        var entry = await Check("/v2/lists/{list}/entries", "post", "v2/lists/pipeline/entries", entryBody);
        await Check("/v2/lists/{list}/entries", "put", "v2/lists/pipeline/entries", entryBody);
        await Check("/v2/lists/{list}/entries/query", "post", "v2/lists/pipeline/entries/query", "{}");
        var entryId = entry.Data.GetProperty("id").GetProperty("entry_id").GetString();
        await Check("/v2/lists/{list}/entries/{entry_id}", "get", $"v2/lists/pipeline/entries/{entryId}");
        await Check("/v2/lists/{list}/entries/{entry_id}", "patch", $"v2/lists/pipeline/entries/{entryId}", """{"data":{"entry_values":{}}}""");
        await Check("/v2/lists/{list}/entries/{entry_id}", "put", $"v2/lists/pipeline/entries/{entryId}", """{"data":{"entry_values":{}}}""");
        await Check("/v2/objects/{object}/records/{record_id}/entries", "get", $"v2/objects/companies/records/{companyId}/entries");
        await Check("/v2/lists/{list}/entries", "post", "v2/lists/pipeline/entries", entryBody);
        await Check("/v2/lists/{list}/entries", "put", "v2/lists/pipeline/entries", entryBody, 400);
        await Check("/v2/lists/{list}/entries/{entry_id}", "delete", $"v2/lists/pipeline/entries/{entryId}");

        var note = await Check("/v2/notes", "post", "v2/notes", $$$"""
            {"data":{"parent_object":"people","parent_record_id":"{{{personId}}}","title":"Call","format":"markdown","content":"**Hi**","created_at":"2023-03-28T08:38:41Z"}}
            """);
        await Check("/v2/notes", "get", $"v2/notes?parent_object=people&parent_record_id={personId}");
        var noteId = note.Data.GetProperty("id").GetProperty("note_id").GetString();
        await Check("/v2/notes/{note_id}", "get", $"v2/notes/{noteId}");
        await Check("/v2/notes/{note_id}", "delete", $"v2/notes/{noteId}");
        await Check("/v2/notes/{note_id}", "get", $"v2/notes/{noteId}", status: 404);
        await Check(record, "delete", $"v2/objects/people/records/{personId}");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Checker_follows_anyOf_and_reports_a_value_matching_no_option()
    {
        if (SpecFile.FindOrNote(SpecFile.Attio, output) is not { } specFile)
        {
            return;
        }

        using var spec = JsonDocument.Parse(File.ReadAllText(specFile));
        var checker = new OpenApiShapeChecker(spec.RootElement);
        using var bad = JsonDocument.Parse("""{"scope":"x"}""");
        using var inactive = JsonDocument.Parse("""{"active":false}""");

        Assert.Equal(["$: matches no anyOf option"], checker.Check(checker.ResponseSchema("/v2/self"), bad.RootElement));
        Assert.Empty(checker.Check(checker.ResponseSchema("/v2/self"), inactive.RootElement));
    }
}

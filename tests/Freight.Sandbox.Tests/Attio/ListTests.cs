namespace Freight.Sandbox.Tests.Attio;

public sealed class ListTests
{
    internal const string Pipeline = """
        {"data":{"name":"Pipeline","api_slug":"pipeline","parent_object":"companies","workspace_access":"full-access","workspace_member_access":[]}}
        """;

    private static string Entry(string parentId, string values = "{}", string parentObject = "companies") =>
        $"{{\"data\":{{\"parent_record_id\":\"{parentId}\",\"parent_object\":\"{parentObject}\",\"entry_values\":{values}}}}}";

    private static async Task<AttioHarness> StartWithPipelineAsync()
    {
        var harness = await AttioHarness.StartAsync();
        await harness.PostAsync("v2/lists", Pipeline);
        await harness.PostAsync("v2/lists/pipeline/attributes", """
            {"data":{"title":"Status","description":null,"api_slug":"status","type":"status","is_required":false,"is_unique":false,"is_multiselect":false,"config":{}}}
            """);
        await harness.PostAsync("v2/lists/pipeline/attributes/status/statuses", """{"data":{"title":"New"}}""");
        await harness.PostAsync("v2/lists/pipeline/attributes/status/statuses", """{"data":{"title":"Diligence"}}""");
        return harness;
    }

    [Fact]
    public async Task A_list_is_created_found_by_slug_or_id_and_its_slug_then_conflicts()
    {
        await using var harness = await AttioHarness.StartAsync();

        var created = await harness.PostAsync("v2/lists", Pipeline);
        var id = created.Data.GetProperty("id").GetProperty("list_id").GetString();
        var byId = await harness.GetAsync($"v2/lists/{id}");
        var all = await harness.GetAsync("v2/lists");
        var again = await harness.PostAsync("v2/lists", Pipeline);

        Assert.Equal(200, created.Status);
        Assert.Equal(["companies"], created.Data.GetProperty("parent_object").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(created.Text, byId.Text);
        Assert.Equal(1, all.Data.GetArrayLength());
        again.AssertError(409, "slug_conflict");
        (await harness.GetAsync("v2/lists/unknown")).AssertError(404, "not_found");
    }

    [Theory]
    [InlineData("""{"data":{"name":"L","api_slug":"l","parent_object":"companies","workspace_access":null,"workspace_member_access":[]}}""", 400, "validation_type")]
    [InlineData("""{"data":{"name":"L","api_slug":"l","parent_object":"companies","workspace_access":"everyone","workspace_member_access":[]}}""", 400, "validation_type")]
    [InlineData("""{"data":{"name":"L","api_slug":"l","parent_object":"companies","workspace_access":"full-access"}}""", 400, "validation_type")]
    [InlineData("""{"data":{"name":"L","api_slug":"l","parent_object":"planets","workspace_access":"full-access","workspace_member_access":[]}}""", 404, "not_found")]
    [InlineData("""{"data":{"name":"L","api_slug":"l","parent_object":"companies","workspace_access":null,"workspace_member_access":[{"workspace_member_id":"00000000-0000-4000-8000-000000000000","level":"full-access"}]}}""", 400, "value_not_found")]
    public async Task Lists_Attio_refuses_are_errors(string body, int status, string code)
    {
        await using var harness = await AttioHarness.StartAsync();

        (await harness.PostAsync("v2/lists", body)).AssertError(status, code);
    }

    [Fact]
    public async Task Entries_are_added_even_twice_and_asserting_then_needs_one_entry_per_parent()
    {
        await using var harness = await StartWithPipelineAsync();
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");
        var globex = await harness.CreateAsync("companies", """{"name":"Globex"}""");

        var first = await harness.PostAsync("v2/lists/pipeline/entries", Entry(acme, """{"status":"New"}"""));
        var second = await harness.PostAsync("v2/lists/pipeline/entries", Entry(acme));
        var ambiguous = await harness.PutAsync("v2/lists/pipeline/entries", Entry(acme, """{"status":"Diligence"}"""));
        var asserted = await harness.PutAsync("v2/lists/pipeline/entries", Entry(globex, """{"status":"New"}"""));
        var reasserted = await harness.PutAsync("v2/lists/pipeline/entries", Entry(globex, """{"status":"Diligence"}"""));

        Assert.Equal(200, first.Status);
        Assert.Equal(acme, first.Data.GetProperty("parent_record_id").GetString());
        Assert.Equal("New", first.Data.GetProperty("entry_values").GetProperty("status")[0].GetProperty("status").GetProperty("title").GetString());
        Assert.Empty(second.Data.GetProperty("entry_values").GetProperty("status").EnumerateArray());
        ambiguous.AssertError(400, "multiple_match_results");
        Assert.Equal(asserted.Data.GetProperty("id").GetRawText(), reasserted.Data.GetProperty("id").GetRawText());
        Assert.Equal("Diligence", reasserted.Data.GetProperty("entry_values").GetProperty("status")[0].GetProperty("status").GetProperty("title").GetString());
        Assert.Equal(3, (await harness.PostAsync("v2/lists/pipeline/entries/query", "{}")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Entry_values_are_validated_like_record_values()
    {
        await using var harness = await StartWithPipelineAsync();
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");

        (await harness.PostAsync("v2/lists/pipeline/entries", Entry(acme, """{"status":"Won"}"""))).AssertError(400, "value_not_found");
        (await harness.PostAsync("v2/lists/pipeline/entries", Entry(acme, """{"stage":"New"}"""))).AssertError(400, "value_not_found");
        (await harness.PostAsync("v2/lists/pipeline/entries", Entry(acme, """{"status":5}"""))).AssertError(400, "validation_type");
        (await harness.PostAsync("v2/lists/pipeline/entries", Entry(Guid.Empty.ToString()))).AssertError(404, "not_found");
        (await harness.PostAsync("v2/lists/pipeline/entries", Entry(acme, parentObject: "people"))).AssertError(400, "validation_type");
        (await harness.PostAsync("v2/lists/nope/entries", Entry(acme))).AssertError(404, "not_found");
        Assert.Equal(0, (await harness.PostAsync("v2/lists/pipeline/entries/query", "{}")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Entries_are_read_queried_updated_and_deleted()
    {
        await using var harness = await StartWithPipelineAsync();
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");
        var globex = await harness.CreateAsync("companies", """{"name":"Globex"}""");
        var entry = (await harness.PostAsync("v2/lists/pipeline/entries", Entry(acme, """{"status":"New"}"""))).Data
            .GetProperty("id").GetProperty("entry_id").GetString();
        await harness.PostAsync("v2/lists/pipeline/entries", Entry(globex, """{"status":"Diligence"}"""));

        var byStatus = await harness.PostAsync("v2/lists/pipeline/entries/query", """{"filter":{"status":"Diligence"}}""");
        var patched = await harness.PatchAsync($"v2/lists/pipeline/entries/{entry}", """{"data":{"entry_values":{"status":"Diligence"}}}""");
        var ofRecord = await harness.GetAsync($"v2/objects/companies/records/{acme}/entries");
        var deleted = await harness.DeleteAsync($"v2/lists/pipeline/entries/{entry}");

        Assert.Equal(globex, Assert.Single(byStatus.Data.EnumerateArray().ToList()).GetProperty("parent_record_id").GetString());
        Assert.Equal("Diligence", patched.Data.GetProperty("entry_values").GetProperty("status")[0].GetProperty("status").GetProperty("title").GetString());
        var listed = Assert.Single(ofRecord.Data.EnumerateArray().ToList());
        Assert.Equal("pipeline", listed.GetProperty("list_api_slug").GetString());
        Assert.Equal(entry, listed.GetProperty("entry_id").GetString());
        Assert.Equal("{}", deleted.Text);
        (await harness.GetAsync($"v2/lists/pipeline/entries/{entry}")).AssertError(404, "not_found");
        Assert.Equal(0, (await harness.GetAsync($"v2/objects/companies/records/{acme}/entries")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Deleting_a_record_removes_its_entries_and_notes()
    {
        await using var harness = await StartWithPipelineAsync();
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");
        await harness.PostAsync("v2/lists/pipeline/entries", Entry(acme));
        await harness.PostAsync("v2/notes", $$$"""{"data":{"parent_object":"companies","parent_record_id":"{{{acme}}}","title":"T","format":"plaintext","content":"C"}}""");

        await harness.DeleteAsync($"v2/objects/companies/records/{acme}");

        Assert.Equal(0, (await harness.PostAsync("v2/lists/pipeline/entries/query", "{}")).Data.GetArrayLength());
        Assert.Equal(0, (await harness.GetAsync("v2/notes")).Data.GetArrayLength());
    }
}

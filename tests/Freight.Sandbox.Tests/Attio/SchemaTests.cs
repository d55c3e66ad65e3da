using System.Text.Json;
using Freight.Sandbox.Attio;

namespace Freight.Sandbox.Tests.Attio;

public sealed class SchemaTests
{
    internal const string AffinityIdAttribute = """
        {"data":{"title":"Affinity ID","description":null,"api_slug":"affinity_id","type":"text",
          "is_required":false,"is_unique":true,"is_multiselect":false,"config":{}}}
        """;

    [Fact]
    public async Task Objects_are_the_standard_five_with_deals_enabled()
    {
        await using var harness = await AttioHarness.StartAsync();

        var reply = await harness.GetAsync("v2/objects");

        Assert.Equal(200, reply.Status);
        Assert.Equal(["people", "companies", "deals", "users", "workspaces"],
            reply.Data.EnumerateArray().Select(o => o.GetProperty("api_slug").GetString()));
        var people = reply.Data[0];
        Assert.Equal("Person", people.GetProperty("singular_noun").GetString());
        Assert.Equal("2024-01-01T00:00:00.000000000Z", people.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task An_object_is_found_by_slug_or_id_and_an_unknown_one_is_not_found()
    {
        await using var harness = await AttioHarness.StartAsync();
        var bySlug = await harness.GetAsync("v2/objects/companies");
        var id = bySlug.Data.GetProperty("id").GetProperty("object_id").GetString();

        var byId = await harness.GetAsync($"v2/objects/{id}");
        var unknown = await harness.GetAsync("v2/objects/planets");

        Assert.Equal("companies", byId.Data.GetProperty("api_slug").GetString());
        Assert.Equal("Object with slug or ID \"planets\" was not found.", unknown.AssertError(404, "not_found"));
    }

    [Fact]
    public async Task People_attributes_follow_the_standard_object()
    {
        await using var harness = await AttioHarness.StartAsync();

        var attributes = (await harness.GetAsync("v2/objects/people/attributes")).Data.EnumerateArray()
            .ToDictionary(a => a.GetProperty("api_slug").GetString()!);
        var team = (await harness.GetAsync("v2/objects/companies/attributes/team")).Data;

        var email = attributes["email_addresses"];
        Assert.Equal("email-address", email.GetProperty("type").GetString());
        Assert.True(email.GetProperty("is_unique").GetBoolean());
        Assert.True(email.GetProperty("is_multiselect").GetBoolean());
        Assert.True(email.GetProperty("is_system_attribute").GetBoolean());
        Assert.True(email.GetProperty("is_writable").GetBoolean());
        Assert.Equal("personal-name", attributes["name"].GetProperty("type").GetString());
        Assert.False(attributes["record_id"].GetProperty("is_writable").GetBoolean());
        Assert.False(attributes["avatar_url"].GetProperty("is_writable").GetBoolean());
        var company = attributes["company"];
        Assert.False(company.GetProperty("is_multiselect").GetBoolean());
        Assert.Equal(team.GetProperty("id").GetProperty("attribute_id").GetString(),
            company.GetProperty("relationship").GetProperty("id").GetProperty("attribute_id").GetString());
        Assert.Equal(JsonValueKind.Null, attributes["job_title"].GetProperty("relationship").ValueKind);
        Assert.Equal(attributes.Count, (await harness.GetAsync("v2/objects/people/attributes?limit=100")).Data.GetArrayLength());
        Assert.Equal(2, (await harness.GetAsync("v2/objects/people/attributes?limit=2&offset=1")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Deals_require_name_stage_and_owner_and_have_the_default_stages()
    {
        await using var harness = await AttioHarness.StartAsync();

        var attributes = (await harness.GetAsync("v2/objects/deals/attributes")).Data.EnumerateArray().ToList();
        var stages = await harness.GetAsync("v2/objects/deals/attributes/stage/statuses");

        Assert.Equal(["name", "stage", "owner"], attributes.Where(a => a.GetProperty("is_required").GetBoolean())
            .Select(a => a.GetProperty("api_slug").GetString()));
        Assert.Equal(["Lead", "In Progress", "Won 🎉", "Lost"], stages.Data.EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        Assert.True(stages.Data[2].GetProperty("celebration_enabled").GetBoolean());
    }

    [Fact]
    public async Task A_unique_text_attribute_is_created_and_its_slug_then_conflicts()
    {
        await using var harness = await AttioHarness.StartAsync();

        var created = await harness.PostAsync("v2/objects/people/attributes", AffinityIdAttribute);
        var again = await harness.PostAsync("v2/objects/people/attributes", AffinityIdAttribute);
        var fetched = await harness.GetAsync("v2/objects/people/attributes/affinity_id");

        Assert.Equal(200, created.Status);
        var attribute = created.Data;
        Assert.Equal("text", attribute.GetProperty("type").GetString());
        Assert.True(attribute.GetProperty("is_unique").GetBoolean());
        Assert.False(attribute.GetProperty("is_system_attribute").GetBoolean());
        Assert.True(attribute.GetProperty("is_writable").GetBoolean());
        Assert.Equal(attribute.GetRawText(), fetched.Data.GetRawText());
        Assert.Equal("An attribute with slug \"affinity_id\" already exists on \"people\".", again.AssertError(409, "slug_conflict"));
    }

    [Fact]
    public async Task A_record_reference_attribute_names_its_allowed_objects()
    {
        await using var harness = await AttioHarness.StartAsync();
        var companies = (await harness.GetAsync("v2/objects/companies")).Data.GetProperty("id").GetProperty("object_id").GetString();

        var created = await harness.PostAsync("v2/objects/people/attributes", """
            {"data":{"title":"Former employer","description":"From Affinity","api_slug":"former_employer","type":"record-reference",
              "is_required":false,"is_unique":false,"is_multiselect":false,"config":{"record_reference":{"allowed_objects":["companies"]}}}}
            """);
        var unknown = await harness.PostAsync("v2/objects/people/attributes", """
            {"data":{"title":"X","description":null,"api_slug":"x","type":"record-reference",
              "is_required":false,"is_unique":false,"is_multiselect":false,"config":{"record_reference":{"allowed_objects":["planets"]}}}}
            """);

        Assert.Equal(200, created.Status);
        Assert.Equal(companies, Assert.Single(created.Data.GetProperty("config").GetProperty("record_reference")
            .GetProperty("allowed_object_ids").EnumerateArray()).GetString());
        unknown.AssertError(400, "value_not_found");
    }

    [Theory]
    [InlineData("select", true, false, "is_unique")]
    [InlineData("text", false, true, "is_multiselect")]
    [InlineData("status", false, false, "type")]
    [InlineData("personal-name", false, false, "type")]
    [InlineData("colour", false, false, "type")]
    public async Task Attribute_definitions_Attio_refuses_are_validation_errors(string type, bool unique, bool multiselect, string field)
    {
        await using var harness = await AttioHarness.StartAsync();

        var flags = $"\"is_unique\":{(unique ? "true" : "false")},\"is_multiselect\":{(multiselect ? "true" : "false")}";
        var reply = await harness.PostAsync("v2/objects/companies/attributes",
            "{\"data\":{\"title\":\"T\",\"description\":null,\"api_slug\":\"t\",\"type\":\"" + type + "\",\"is_required\":false," + flags + ",\"config\":{}}}");

        reply.AssertError(400, "validation_type");
        var error = Assert.Single(reply.Body.GetProperty("validation_errors").EnumerateArray().ToList());
        Assert.Equal(["data", field], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_missing_required_property_is_a_validation_error_naming_it()
    {
        await using var harness = await AttioHarness.StartAsync();

        var reply = await harness.PostAsync("v2/objects/people/attributes", """
            {"data":{"description":null,"api_slug":"t","type":"text","is_required":false,"is_unique":false,"is_multiselect":false,"config":{}}}
            """);

        Assert.Equal("\"title\" is required.", reply.AssertError(400, "validation_type"));
        var error = Assert.Single(reply.Body.GetProperty("validation_errors").EnumerateArray().ToList());
        Assert.Equal("invalid_type", error.GetProperty("code").GetString());
        Assert.Equal(["data", "title"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"data":[]}""")]
    [InlineData("""{"data":{"title":5}}""")]
    [InlineData("""{"data":{"title":"t","description":null,"api_slug":"t","type":"text","is_required":"no","is_unique":false,"is_multiselect":false,"config":{}}}""")]
    public async Task Malformed_or_mistyped_bodies_are_400_validation_type(string body)
    {
        await using var harness = await AttioHarness.StartAsync();

        var reply = await harness.PostAsync("v2/objects/people/attributes", body);

        reply.AssertError(400, "validation_type");
        Assert.Equal(JsonValueKind.Array, reply.Body.GetProperty("validation_errors").ValueKind);
    }

    [Fact]
    public async Task Select_options_are_added_listed_and_conflict_on_a_repeated_title()
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.PostAsync("v2/objects/companies/attributes", """
            {"data":{"title":"Industry","description":null,"api_slug":"industry","type":"select",
              "is_required":false,"is_unique":false,"is_multiselect":false,"config":{}}}
            """);

        var software = await harness.PostAsync("v2/objects/companies/attributes/industry/options", """{"data":{"title":"Software"}}""");
        var fintech = await harness.PostAsync("v2/objects/companies/attributes/industry/options", """{"data":{"title":"Fintech"}}""");
        var again = await harness.PostAsync("v2/objects/companies/attributes/industry/options", """{"data":{"title":"Software"}}""");
        var empty = await harness.PostAsync("v2/objects/companies/attributes/industry/options", """{"data":{"title":""}}""");
        var notSelect = await harness.PostAsync("v2/objects/companies/attributes/name/options", """{"data":{"title":"X"}}""");
        var listed = await harness.GetAsync("v2/objects/companies/attributes/industry/options");

        Assert.Equal(200, software.Status);
        Assert.Equal(200, fintech.Status);
        Assert.False(software.Data.GetProperty("is_archived").GetBoolean());
        again.AssertError(409, "slug_conflict");
        empty.AssertError(400, "validation_type");
        notSelect.AssertError(400, "validation_type");
        Assert.Equal(["Software", "Fintech"], listed.Data.EnumerateArray().Select(o => o.GetProperty("title").GetString()));
        Assert.Equal(software.Data.GetProperty("id").GetProperty("option_id").GetString(),
            listed.Data[0].GetProperty("id").GetProperty("option_id").GetString());
    }

    [Fact]
    public async Task Statuses_are_added_to_a_status_attribute()
    {
        await using var harness = await AttioHarness.StartAsync();

        var created = await harness.PostAsync("v2/objects/deals/attributes/stage/statuses",
            """{"data":{"title":"Diligence","celebration_enabled":false,"target_time_in_status":"P14D"}}""");
        var badDuration = await harness.PostAsync("v2/objects/deals/attributes/stage/statuses",
            """{"data":{"title":"Later","target_time_in_status":"two weeks"}}""");
        var repeated = await harness.PostAsync("v2/objects/deals/attributes/stage/statuses", """{"data":{"title":"Lead"}}""");

        Assert.Equal(200, created.Status);
        Assert.Equal("P14D", created.Data.GetProperty("target_time_in_status").GetString());
        badDuration.AssertError(400, "validation_type");
        repeated.AssertError(409, "slug_conflict");
        Assert.Equal(5, (await harness.GetAsync("v2/objects/deals/attributes/stage/statuses")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Unknown_attributes_and_objects_in_attribute_routes_are_not_found()
    {
        await using var harness = await AttioHarness.StartAsync();

        (await harness.GetAsync("v2/objects/people/attributes/shoe_size")).AssertError(404, "not_found");
        (await harness.GetAsync("v2/objects/planets/attributes")).AssertError(404, "not_found");
        (await harness.GetAsync("v2/lists/nope/attributes")).AssertError(404, "not_found");
        (await harness.GetAsync("v2/objects/people/attributes?limit=0")).AssertError(400, "validation_type");
    }

    [Fact]
    public async Task Workspace_members_are_listed_and_found_by_id()
    {
        await using var harness = await AttioHarness.StartAsync();

        var members = await harness.GetAsync("v2/workspace_members");
        var id = members.Data[1].GetProperty("id").GetProperty("workspace_member_id").GetString();
        var one = await harness.GetAsync($"v2/workspace_members/{id}");

        Assert.Equal(3, members.Data.GetArrayLength());
        Assert.Equal("morgan@freight-sandbox.example", one.Data.GetProperty("email_address").GetString());
        Assert.Equal("member", one.Data.GetProperty("access_level").GetString());
        (await harness.GetAsync($"v2/workspace_members/{Guid.Empty}")).AssertError(404, "not_found");
    }

    [Fact]
    public async Task Members_from_a_dataset_are_its_internal_users_with_valid_emails()
    {
        var dataset = Freight.Sandbox.Dataset.SandboxDataset.Generate(seed: 7, companies: 30);

        var members = AttioSimulatorOptions.MembersFrom(dataset);

        var internals = dataset.Persons.Where(p => p.Type == Freight.Sandbox.Dataset.PersonType.Internal).ToList();
        Assert.Equal(internals.Count(p => p.PrimaryEmailAddress is { } e && EmailAddress.IsValid(e)), members.Count);
        Assert.Equal(internals.First(p => p.PrimaryEmailAddress is { } e && EmailAddress.IsValid(e)).PrimaryEmailAddress, members[0].EmailAddress);
        Assert.Equal("admin", members[0].AccessLevel);
        new AttioSimulatorOptions { WorkspaceMembers = members }.Validate();
    }

    [Fact]
    public async Task The_same_calls_give_the_same_ids_on_every_run_and_a_refused_write_uses_none()
    {
        async Task<string> IdsAsync()
        {
            await using var harness = await AttioHarness.StartAsync();
            var objects = await harness.GetAsync("v2/objects");
            var attribute = await harness.PostAsync("v2/objects/people/attributes", AffinityIdAttribute);
            var company = await harness.CreateAsync("companies", """{"name":"Acme"}""");
            await harness.PostAsync("v2/objects/people/records", """{"data":{"values":{"name":"Refused","shoe_size":1}}}""");
            var person = await harness.CreateAsync("people", """{"affinity_id":"p-1"}""");
            await harness.PostAsync("v2/lists", ListTests.Pipeline);
            var entry = await harness.PostAsync("v2/lists/pipeline/entries",
                $"{{\"data\":{{\"parent_record_id\":\"{company}\",\"parent_object\":\"companies\",\"entry_values\":{{}}}}}}");
            var note = await harness.PostAsync("v2/notes",
                $"{{\"data\":{{\"parent_object\":\"people\",\"parent_record_id\":\"{person}\",\"title\":\"T\",\"format\":\"plaintext\",\"content\":\"C\"}}}}");
            return string.Join("|", objects.Text, attribute.Data.GetProperty("id").GetRawText(), company, person,
                entry.Data.GetProperty("id").GetRawText(), note.Data.GetProperty("id").GetRawText());
        }

        var first = await IdsAsync();
        Assert.Equal(first, await IdsAsync());
        Assert.Equal(6, first.Split('|').Distinct().Count());
        Assert.Equal(AttioIds.Make(IdKind.Record, 2).ToString(), first.Split('|')[3]); // the refused create took no id
    }
}

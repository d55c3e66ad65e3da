using Freight.Sandbox.Attio;
using Freight.TestUtils;

namespace Freight.Sandbox.Tests.Attio;

public sealed class RecordTests
{
    [Fact]
    public async Task Unknown_deleted_and_malformed_record_ids_are_not_found()
    {
        await using var harness = await AttioHarness.StartAsync();
        var id = await harness.CreateAsync("companies", """{"name":"Acme"}""");

        var deleted = await harness.DeleteAsync($"v2/objects/companies/records/{id}");
        var afterDelete = await harness.GetAsync($"v2/objects/companies/records/{id}");
        var otherObject = await harness.GetAsync($"v2/objects/people/records/{id}");
        var malformed = await harness.GetAsync("v2/objects/companies/records/not-a-uuid");
        var random = await harness.GetAsync($"v2/objects/companies/records/{Guid.Empty}");

        Assert.Equal(200, deleted.Status);
        Assert.Equal("{}", deleted.Text);
        Assert.Equal($"Record with ID \"{id}\" was not found.", afterDelete.AssertError(404, "not_found"));
        otherObject.AssertError(404, "not_found");
        malformed.AssertError(404, "not_found");
        random.AssertError(404, "not_found");
        (await harness.DeleteAsync($"v2/objects/companies/records/{id}")).AssertError(404, "not_found");
    }

    [Fact]
    public async Task Create_with_an_existing_email_is_a_uniqueness_conflict()
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.CreateAsync("people", """{"email_addresses":["ada@example.com"]}""");

        var again = await harness.PostAsync("v2/objects/people/records", """{"data":{"values":{"email_addresses":["ADA@example.com"]}}}""");

        Assert.Contains("ada@example.com", again.AssertError(400, "uniqueness_conflict"), StringComparison.Ordinal);
        Assert.Equal(1, (await harness.PostAsync("v2/objects/people/records/query", "{}")).Data.GetArrayLength());
    }

    [Fact]
    public async Task A_custom_unique_attribute_refuses_a_second_record_with_its_value_and_an_update_to_it()
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.PostAsync("v2/objects/companies/attributes", SchemaTests.AffinityIdAttribute);
        await harness.CreateAsync("companies", """{"affinity_id":"17"}""");
        var other = await harness.CreateAsync("companies", """{"affinity_id":"18"}""");

        var create = await harness.PostAsync("v2/objects/companies/records", """{"data":{"values":{"affinity_id":"17"}}}""");
        var update = await harness.PatchAsync($"v2/objects/companies/records/{other}", """{"data":{"values":{"affinity_id":"17"}}}""");
        var same = await harness.PatchAsync($"v2/objects/companies/records/{other}", """{"data":{"values":{"affinity_id":"18"}}}""");

        create.AssertError(400, "uniqueness_conflict");
        update.AssertError(400, "uniqueness_conflict");
        Assert.Equal(200, same.Status);
    }

    [Fact]
    public async Task Patch_prepends_multiselect_values_and_put_overwrites_them()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { TimeProvider = time });
        var id = await harness.CreateAsync("people", """{"email_addresses":["a@example.com"],"job_title":"CTO"}""");
        time.Advance(TimeSpan.FromMinutes(1));

        var patched = await harness.PatchAsync($"v2/objects/people/records/{id}",
            """{"data":{"values":{"email_addresses":["b@example.com","a@example.com"],"job_title":"CEO"}}}""");
        var put = await harness.PutAsync($"v2/objects/people/records/{id}", """{"data":{"values":{"email_addresses":["c@example.com"]}}}""");
        var freed = await harness.PostAsync("v2/objects/people/records", """{"data":{"values":{"email_addresses":["a@example.com"]}}}""");

        Assert.Equal(["b@example.com", "a@example.com"], patched.Values("email_addresses").Select(e => e.GetProperty("email_address").GetString()));
        Assert.Equal(["2026-03-02T09:31:00.000000000Z", "2026-03-02T09:30:00.000000000Z"],
            patched.Values("email_addresses").Select(e => e.GetProperty("active_from").GetString()));
        Assert.Equal("CEO", Assert.Single(patched.Values("job_title")).GetProperty("value").GetString());
        Assert.Equal(["c@example.com"], put.Values("email_addresses").Select(e => e.GetProperty("email_address").GetString()));
        Assert.Equal("CEO", Assert.Single(put.Values("job_title")).GetProperty("value").GetString());
        Assert.Equal(200, freed.Status); // the overwritten address is no longer taken
    }

    [Fact]
    public async Task Clearing_a_required_value_is_missing_value()
    {
        await using var harness = await AttioHarness.StartAsync();
        var id = await harness.CreateAsync("deals", """{"name":"Deal","stage":"Lead","owner":"avery@freight-sandbox.example"}""");

        var cleared = await harness.PatchAsync($"v2/objects/deals/records/{id}", """{"data":{"values":{"name":null}}}""");
        var emptied = await harness.PutAsync($"v2/objects/deals/records/{id}", """{"data":{"values":{"stage":[]}}}""");

        cleared.AssertError(400, "missing_value");
        emptied.AssertError(400, "missing_value");
        Assert.Equal("Deal", Assert.Single((await harness.GetAsync($"v2/objects/deals/records/{id}")).Values("name")).GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_persons_company_also_puts_the_person_in_the_companys_team_and_moves_with_it()
    {
        await using var harness = await AttioHarness.StartAsync();
        var acme = await harness.CreateAsync("companies", """{"name":"Acme","domains":["acme.com"]}""");
        var globex = await harness.CreateAsync("companies", """{"name":"Globex","domains":["globex.com"]}""");
        var ada = await harness.CreateAsync("people", "{\"company\":" + AttioHarness.Reference("companies", acme) + "}");
        var bob = await harness.CreateAsync("people", """{"company":[{"target_object":"companies","domains":[{"domain":"acme.com"}]}]}""");

        var team = (await harness.GetAsync($"v2/objects/companies/records/{acme}")).Values("team");
        await harness.PatchAsync($"v2/objects/people/records/{ada}", """{"data":{"values":{"company":"globex.com"}}}""");
        var acmeAfter = (await harness.GetAsync($"v2/objects/companies/records/{acme}")).Values("team");
        var globexAfter = (await harness.GetAsync($"v2/objects/companies/records/{globex}")).Values("team");

        Assert.Equal([bob, ada], team.Select(t => t.GetProperty("target_record_id").GetString()));
        Assert.Equal("people", team[0].GetProperty("target_object").GetString());
        Assert.Equal([bob], acmeAfter.Select(t => t.GetProperty("target_record_id").GetString()));
        Assert.Equal([ada], globexAfter.Select(t => t.GetProperty("target_record_id").GetString()));
    }

    [Fact]
    public async Task Writing_a_companys_team_sets_and_clears_the_members_company()
    {
        await using var harness = await AttioHarness.StartAsync();
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");
        var ada = await harness.CreateAsync("people", """{"email_addresses":["ada@acme.com"]}""");
        var bob = await harness.CreateAsync("people", "{\"company\":" + AttioHarness.Reference("companies", acme) + "}");

        await harness.PutAsync($"v2/objects/companies/records/{acme}",
            """{"data":{"values":{"team":[{"target_object":"people","email_addresses":[{"email_address":"ada@acme.com"}]}]}}}""");

        Assert.Equal(acme, Assert.Single((await harness.GetAsync($"v2/objects/people/records/{ada}")).Values("company"))
            .GetProperty("target_record_id").GetString());
        Assert.Empty((await harness.GetAsync($"v2/objects/people/records/{bob}")).Values("company"));
    }

    [Theory]
    [InlineData("""{"target_object":"companies","target_record_id":"00000000-0000-4000-8000-000000000001"}""", "value_not_found")]
    [InlineData("""{"target_object":"companies","domains":[{"domain":"nowhere.example"}]}""", "value_not_found")]
    [InlineData("""{"target_object":"planets","target_record_id":"00000000-0000-4000-8000-000000000001"}""", "value_not_found")]
    [InlineData("""{"target_object":"people","email_addresses":[{"email_address":"a@b.com"}]}""", "validation_type")]
    [InlineData("""{"target_object":"companies","name":["Acme"]}""", "validation_type")]
    [InlineData("""{"target_record_id":"00000000-0000-4000-8000-000000000001"}""", "validation_type")]
    [InlineData("\"nowhere.example\"", "value_not_found")]
    public async Task References_to_missing_or_disallowed_records_are_refused(string reference, string code)
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.CreateAsync("companies", """{"name":"Acme","domains":["acme.com"]}""");

        var reply = await harness.PostAsync("v2/objects/people/records", $"{{\"data\":{{\"values\":{{\"company\":{reference}}}}}}}");

        reply.AssertError(400, code);
    }

    [Fact]
    public async Task Deleting_a_company_removes_it_from_its_people()
    {
        await using var harness = await AttioHarness.StartAsync();
        var acme = await harness.CreateAsync("companies", """{"domains":["acme.com"]}""");
        var ada = await harness.CreateAsync("people", """{"company":"acme.com"}""");

        await harness.DeleteAsync($"v2/objects/companies/records/{acme}");

        Assert.Empty((await harness.GetAsync($"v2/objects/people/records/{ada}")).Values("company"));
        Assert.Equal(200, (await harness.PostAsync("v2/objects/companies/records", """{"data":{"values":{"domains":["acme.com"]}}}""")).Status);
    }

    [Fact]
    public async Task With_the_option_a_new_person_gets_the_company_of_their_email_domain()
    {
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { CreateCompanyFromEmailDomain = true });
        var existing = await harness.CreateAsync("companies", """{"domains":["acme.com"]}""");

        var ada = await harness.PostAsync("v2/objects/people/records", """{"data":{"values":{"email_addresses":["ada@acme.com"]}}}""");
        var bob = await harness.PostAsync("v2/objects/people/records", """{"data":{"values":{"email_addresses":["bob@initech.com"]}}}""");
        var carol = await harness.PostAsync("v2/objects/people/records", """{"data":{"values":{"email_addresses":["carol@gmail.com"]}}}""");
        var companies = await harness.PostAsync("v2/objects/companies/records/query", "{}");

        Assert.Equal(existing, Assert.Single(ada.Values("company")).GetProperty("target_record_id").GetString());
        var initech = Assert.Single(bob.Values("company")).GetProperty("target_record_id").GetString();
        Assert.Empty(carol.Values("company"));
        Assert.Equal(2, companies.Data.GetArrayLength());
        Assert.Equal("initech.com", Assert.Single(companies.Data[1].GetProperty("values").GetProperty("domains").EnumerateArray().ToList())
            .GetProperty("domain").GetString());
        Assert.Equal(initech, companies.Data[1].GetProperty("id").GetProperty("record_id").GetString());
    }

    [Fact]
    public async Task Without_the_option_a_person_creates_no_company()
    {
        await using var harness = await AttioHarness.StartAsync();

        var ada = await harness.PostAsync("v2/objects/people/records", """{"data":{"values":{"email_addresses":["ada@acme.com"]}}}""");

        Assert.Empty(ada.Values("company"));
        Assert.Equal(0, (await harness.PostAsync("v2/objects/companies/records/query", "{}")).Data.GetArrayLength());
    }

    [Theory]
    [InlineData("""{"data":{"values":[]}}""")]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"values":{}}""")]
    [InlineData("""{"data":{"values":{},"extra":1}}""")]
    public async Task Record_bodies_without_a_values_object_are_validation_errors(string body)
    {
        await using var harness = await AttioHarness.StartAsync();

        (await harness.PostAsync("v2/objects/people/records", body)).AssertError(400, "validation_type");
        (await harness.PutAsync("v2/objects/people/records?matching_attribute=email_addresses", body)).AssertError(400, "validation_type");
    }

    [Fact]
    public async Task Records_of_an_unknown_object_are_not_found()
    {
        await using var harness = await AttioHarness.StartAsync();

        (await harness.PostAsync("v2/objects/planets/records", """{"data":{"values":{}}}""")).AssertError(404, "not_found");
        (await harness.PostAsync("v2/objects/planets/records/query", "{}")).AssertError(404, "not_found");
    }
}

using System.Text.Json;
using Freight.Sandbox.Attio;
using Freight.TestUtils;

namespace Freight.Sandbox.Tests.Attio;

public sealed class ValueTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_person_is_stored_normalized_and_read_back_with_every_attribute()
    {
        var time = new ManualTimeProvider(Start);
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { TimeProvider = time });

        var reply = await harness.PostAsync("v2/objects/people/records", """
            {"data":{"values":{
              "name":[{"first_name":"Ada","last_name":"Lovelace","full_name":"Ada Lovelace"}],
              "email_addresses":["Ada@Example.co.uk"],
              "phone_numbers":[{"original_phone_number":"+44 7700 900123","country_code":null}],
              "job_title":"CTO",
              "primary_location":{"line_1":"1 Main St","line_2":null,"line_3":null,"line_4":null,"locality":"London","region":null,
                "postcode":"N1","country_code":"GB","latitude":"51.5","longitude":"-0.12"}}}}
            """);

        Assert.Equal(200, reply.Status);
        var email = Assert.Single(reply.Values("email_addresses"));
        Assert.Equal("Ada@Example.co.uk", email.GetProperty("original_email_address").GetString());
        Assert.Equal("ada@example.co.uk", email.GetProperty("email_address").GetString());
        Assert.Equal("example.co.uk", email.GetProperty("email_domain").GetString());
        Assert.Equal("example.co.uk", email.GetProperty("email_root_domain").GetString());
        Assert.Equal("ada", email.GetProperty("email_local_specifier").GetString());
        Assert.Equal("email-address", email.GetProperty("attribute_type").GetString());
        Assert.Equal("2026-03-02T09:30:00.000000000Z", email.GetProperty("active_from").GetString());
        Assert.Equal(JsonValueKind.Null, email.GetProperty("active_until").ValueKind);
        Assert.Equal("api-token", email.GetProperty("created_by_actor").GetProperty("type").GetString());
        var phone = Assert.Single(reply.Values("phone_numbers"));
        Assert.Equal("+447700900123", phone.GetProperty("phone_number").GetString());
        Assert.Equal("GB", phone.GetProperty("country_code").GetString());
        Assert.Equal("Ada Lovelace", Assert.Single(reply.Values("name")).GetProperty("full_name").GetString());
        Assert.Equal("CTO", Assert.Single(reply.Values("job_title")).GetProperty("value").GetString());
        Assert.Equal("London", Assert.Single(reply.Values("primary_location")).GetProperty("locality").GetString());
        Assert.Empty(reply.Values("description"));
        Assert.Empty(reply.Values("company"));
        var recordId = reply.Data.GetProperty("id").GetProperty("record_id").GetString();
        Assert.Equal(recordId, Assert.Single(reply.Values("record_id")).GetProperty("value").GetString());
        Assert.Equal("2026-03-02T09:30:00.000000000Z", reply.Data.GetProperty("created_at").GetString());
        Assert.Equal(
            (await harness.GetAsync("v2/objects/people/attributes")).Data.EnumerateArray().Select(a => a.GetProperty("api_slug").GetString()),
            reply.Data.GetProperty("values").EnumerateObject().Select(p => p.Name));
        Assert.Equal(reply.Text, (await harness.GetAsync($"v2/objects/people/records/{recordId}")).Text);
    }

    [Theory]
    [InlineData("\"Lovelace, Ada\"", "Ada", "Lovelace", "Ada Lovelace")]
    [InlineData("\"Cher\"", "Cher", "", "Cher")]
    [InlineData("{\"first_name\":\"Ada\",\"last_name\":\"\",\"full_name\":\"Ada\"}", "Ada", "", "Ada")]
    public async Task Personal_names_take_an_object_or_a_Last_comma_First_string(string input, string first, string last, string full)
    {
        await using var harness = await AttioHarness.StartAsync();

        var reply = await harness.PostAsync("v2/objects/people/records", $"{{\"data\":{{\"values\":{{\"name\":{input}}}}}}}");

        var name = Assert.Single(reply.Values("name"));
        Assert.Equal([first, last, full], new[] { "first_name", "last_name", "full_name" }.Select(p => name.GetProperty(p).GetString()));
    }

    [Theory]
    [InlineData("\"https://www.Acme.co.uk/about?x=1\"", "www.acme.co.uk", "acme.co.uk")]
    [InlineData("{\"domain\":\"app.acme.com\"}", "app.acme.com", "acme.com")]
    [InlineData("\"acme.com:8080\"", "acme.com", "acme.com")]
    public async Task Domains_are_stripped_to_the_host_and_get_their_root_domain(string input, string domain, string root)
    {
        await using var harness = await AttioHarness.StartAsync();

        var reply = await harness.PostAsync("v2/objects/companies/records", $"{{\"data\":{{\"values\":{{\"domains\":[{input}]}}}}}}");

        var value = Assert.Single(reply.Values("domains"));
        Assert.Equal(domain, value.GetProperty("domain").GetString());
        Assert.Equal(root, value.GetProperty("root_domain").GetString());
    }

    [Theory]
    [InlineData("email_addresses", "[\"ada@\"]")]
    [InlineData("email_addresses", "[\"ada@@example.com\"]")]
    [InlineData("email_addresses", "[\"ada lovelace@example.com\"]")]
    [InlineData("email_addresses", "[\"ada.example.com\"]")]
    [InlineData("email_addresses", "[\"ada@example\"]")]
    [InlineData("email_addresses", "\"ada@example.com\"")]
    [InlineData("email_addresses", "[5]")]
    [InlineData("phone_numbers", "[\"07700 900123\"]")]
    [InlineData("phone_numbers", "[\"+44 77\"]")]
    [InlineData("phone_numbers", "[{\"original_phone_number\":\"07700 900123\",\"country_code\":\"XX\"}]")]
    [InlineData("primary_location", "{\"locality\":\"London\"}")]
    [InlineData("primary_location", "{\"line_1\":null,\"line_2\":null,\"line_3\":null,\"line_4\":null,\"locality\":null,\"region\":null,\"postcode\":null,\"country_code\":null,\"latitude\":\"91\",\"longitude\":null}")]
    [InlineData("name", "{\"first_name\":\"Ada\"}")]
    [InlineData("name", "42")]
    [InlineData("job_title", "[\"CTO\",\"CEO\"]")]
    [InlineData("job_title", "7")]
    [InlineData("job_title", "{\"value\":\"CTO\",\"extra\":1}")]
    public async Task Invalid_values_are_400_validation_type(string attribute, string value)
    {
        await using var harness = await AttioHarness.StartAsync();

        var reply = await harness.PostAsync("v2/objects/people/records", $"{{\"data\":{{\"values\":{{\"{attribute}\":{value}}}}}}}");

        reply.AssertError(400, "validation_type");
        var error = Assert.Single(reply.Body.GetProperty("validation_errors").EnumerateArray().ToList());
        Assert.Equal(["data", "values", attribute], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_local_phone_number_with_its_country_becomes_E164()
    {
        await using var harness = await AttioHarness.StartAsync();

        var reply = await harness.PostAsync("v2/objects/people/records",
            """{"data":{"values":{"phone_numbers":[{"original_phone_number":"07700 900123","country_code":"GB"},"+1 (555) 867-5309"]}}}""");

        Assert.Equal(["+447700900123", "+15558675309"], reply.Values("phone_numbers").Select(p => p.GetProperty("phone_number").GetString()));
        Assert.Equal(["GB", "US"], reply.Values("phone_numbers").Select(p => p.GetProperty("country_code").GetString()));
    }

    [Theory]
    [InlineData("shoe_size", "\"42\"", "value_not_found")]
    [InlineData("avatar_url", "\"https://x.example/a.png\"", "system_edit_unauthorized")]
    [InlineData("record_id", "\"x\"", "system_edit_unauthorized")]
    [InlineData("created_at", "\"2024-01-01\"", "system_edit_unauthorized")]
    [InlineData("first_interaction", "null", "system_edit_unauthorized")]
    public async Task Unknown_and_system_attributes_are_refused(string attribute, string value, string code)
    {
        await using var harness = await AttioHarness.StartAsync();

        var reply = await harness.PostAsync("v2/objects/people/records", $"{{\"data\":{{\"values\":{{\"{attribute}\":{value}}}}}}}");

        reply.AssertError(400, code);
    }

    [Fact]
    public async Task Deals_need_their_required_values_and_resolve_stage_and_owner()
    {
        await using var harness = await AttioHarness.StartAsync();

        var missing = await harness.PostAsync("v2/objects/deals/records", """{"data":{"values":{"name":"Big deal","stage":"Lead"}}}""");
        var unknownStage = await harness.PostAsync("v2/objects/deals/records",
            """{"data":{"values":{"name":"Big deal","stage":"Negotiation","owner":"avery@freight-sandbox.example"}}}""");
        var unknownOwner = await harness.PostAsync("v2/objects/deals/records",
            """{"data":{"values":{"name":"Big deal","stage":"Lead","owner":"nobody@freight-sandbox.example"}}}""");
        var created = await harness.PostAsync("v2/objects/deals/records",
            """{"data":{"values":{"name":"Big deal","stage":{"status":"Won 🎉"},"owner":"Avery@freight-sandbox.example","value":1250.5}}}""");

        Assert.Equal("Required value for attribute \"owner\" was not provided.", missing.AssertError(400, "missing_value"));
        unknownStage.AssertError(400, "value_not_found");
        unknownOwner.AssertError(400, "value_not_found");
        Assert.Equal(200, created.Status);
        Assert.Equal("Won 🎉", Assert.Single(created.Values("stage")).GetProperty("status").GetProperty("title").GetString());
        var owner = Assert.Single(created.Values("owner"));
        Assert.Equal("workspace-member", owner.GetProperty("referenced_actor_type").GetString());
        var members = await harness.GetAsync("v2/workspace_members");
        Assert.Equal(members.Data[0].GetProperty("id").GetProperty("workspace_member_id").GetString(), owner.GetProperty("referenced_actor_id").GetString());
        var value = Assert.Single(created.Values("value"));
        Assert.Equal(1250.5m, value.GetProperty("currency_value").GetDecimal());
        Assert.Equal("USD", value.GetProperty("currency_code").GetString());
    }

    [Theory]
    [InlineData("date", "\"2023\"", "2023-01-01")]
    [InlineData("date", "\"2023-01\"", "2023-01-01")]
    [InlineData("date", "\"2023-01-02T23:00:00-02:00\"", "2023-01-03")]
    [InlineData("date", "{\"value\":\"2023-01-02T15:00:00.000000000\"}", "2023-01-02")]
    [InlineData("timestamp", "\"2023-01-02T13:00\"", "2023-01-02T13:00:00.000000000Z")]
    [InlineData("timestamp", "\"2023\"", "2023-01-01T00:00:00.000000000Z")]
    [InlineData("timestamp", "\"2023-01-02T15:00:00.123456789+02:00\"", "2023-01-02T13:00:00.123456700Z")]
    [InlineData("number", "12.5", "12.5")]
    [InlineData("number", "{\"value\":-3}", "-3")]
    [InlineData("checkbox", "\"true\"", "True")]
    [InlineData("rating", "4", "4")]
    public async Task Custom_attribute_values_are_coerced_as_Attio_documents(string type, string input, string expected)
    {
        await using var harness = await AttioHarness.StartAsync();
        await CreateAttributeAsync(harness, "companies", "field", type);

        var reply = await harness.PostAsync("v2/objects/companies/records", $"{{\"data\":{{\"values\":{{\"field\":{input}}}}}}}");

        Assert.True(reply.Status == 200, reply.Text);
        var value = Assert.Single(reply.Values("field")).GetProperty("value");
        Assert.Equal(expected, value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString());
    }

    [Theory]
    [InlineData("date", "\"yesterday\"")]
    [InlineData("date", "\"2023-13-01\"")]
    [InlineData("timestamp", "\"2023-01-02 13:00\"")]
    [InlineData("timestamp", "\"2023-01-02T13:00:00+99:00\"")]
    [InlineData("date", "\"0000-01-01\"")]
    [InlineData("number", "\"12\"")]
    [InlineData("number", "1e400")]
    [InlineData("checkbox", "1")]
    [InlineData("rating", "6")]
    [InlineData("currency", "1.23456")]
    public async Task Values_a_custom_attribute_cannot_hold_are_validation_errors(string type, string input)
    {
        await using var harness = await AttioHarness.StartAsync();
        await CreateAttributeAsync(harness, "companies", "field", type);

        var reply = await harness.PostAsync("v2/objects/companies/records", $"{{\"data\":{{\"values\":{{\"field\":{input}}}}}}}");

        reply.AssertError(400, "validation_type");
    }

    [Fact]
    public async Task Select_values_take_an_existing_option_by_title_or_id_and_refuse_others()
    {
        await using var harness = await AttioHarness.StartAsync();
        await CreateAttributeAsync(harness, "companies", "industry", "select");
        var option = await harness.PostAsync("v2/objects/companies/attributes/industry/options", """{"data":{"title":"Software"}}""");
        var optionId = option.Data.GetProperty("id").GetProperty("option_id").GetString();

        var byTitle = await harness.PostAsync("v2/objects/companies/records", """{"data":{"values":{"industry":"Software"}}}""");
        var byId = await harness.PostAsync("v2/objects/companies/records", $"{{\"data\":{{\"values\":{{\"industry\":{{\"option\":\"{optionId}\"}}}}}}}}");
        var unknown = await harness.PostAsync("v2/objects/companies/records", """{"data":{"values":{"industry":"Biotech (retired)"}}}""");
        var categories = await harness.PostAsync("v2/objects/companies/records", """{"data":{"values":{"categories":"SaaS"}}}""");

        Assert.Equal(optionId, Assert.Single(byTitle.Values("industry")).GetProperty("option").GetProperty("id").GetProperty("option_id").GetString());
        Assert.Equal("Software", Assert.Single(byId.Values("industry")).GetProperty("option").GetProperty("title").GetString());
        Assert.Equal("Select option \"Biotech (retired)\" was not found on attribute \"industry\".", unknown.AssertError(400, "value_not_found"));
        categories.AssertError(400, "validation_type"); // multiselect needs an array
        Assert.Equal(2, (await harness.PostAsync("v2/objects/companies/records/query", "{}")).Data.GetArrayLength());
    }

    internal static async Task CreateAttributeAsync(AttioHarness harness, string objectSlug, string slug, string type, bool unique = false, bool multiselect = false, string config = "{}")
    {
        var reply = await harness.PostAsync($"v2/objects/{objectSlug}/attributes", $$$"""
            {"data":{"title":"{{{slug}}}","description":null,"api_slug":"{{{slug}}}","type":"{{{type}}}","is_required":false,
              "is_unique":{{{(unique ? "true" : "false")}}},"is_multiselect":{{{(multiselect ? "true" : "false")}}},"config":{{{config}}}}}
            """);
        Assert.True(reply.Status == 200, reply.Text);
    }
}

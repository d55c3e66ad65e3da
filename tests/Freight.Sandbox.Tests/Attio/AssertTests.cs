namespace Freight.Sandbox.Tests.Attio;

public sealed class AssertTests
{
    private const string Ada = """{"data":{"values":{"email_addresses":["ada@example.com"],"name":"Lovelace, Ada","phone_numbers":["+447700900123"]}}}""";

    [Fact]
    public async Task The_same_assert_twice_gives_one_record_with_the_same_values()
    {
        await using var harness = await AttioHarness.StartAsync();

        var first = await harness.PutAsync("v2/objects/people/records?matching_attribute=email_addresses", Ada);
        var second = await harness.PutAsync("v2/objects/people/records?matching_attribute=email_addresses", Ada);

        Assert.Equal(200, first.Status);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(1, (await harness.PostAsync("v2/objects/people/records/query", "{}")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Assert_on_a_custom_unique_attribute_updates_the_matched_deal()
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.PostAsync("v2/objects/deals/attributes", SchemaTests.AffinityIdAttribute);
        const string deal = """{"data":{"values":{"affinity_id":"opp-1","name":"Deal","stage":"Lead","owner":"avery@freight-sandbox.example"}}}""";

        var created = await harness.PutAsync("v2/objects/deals/records?matching_attribute=affinity_id", deal);
        var updated = await harness.PutAsync("v2/objects/deals/records?matching_attribute=affinity_id", deal.Replace("Lead", "Lost", StringComparison.Ordinal));

        Assert.Equal(created.Data.GetProperty("id").GetRawText(), updated.Data.GetProperty("id").GetRawText());
        Assert.Equal("Lost", Assert.Single(updated.Values("stage")).GetProperty("status").GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_matching_multiselect_gains_values_and_other_multiselects_are_replaced()
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.PutAsync("v2/objects/people/records?matching_attribute=email_addresses", Ada);

        var reply = await harness.PutAsync("v2/objects/people/records?matching_attribute=email_addresses",
            """{"data":{"values":{"email_addresses":["ada@example.com","ada@analytical.engine"],"phone_numbers":["+15558675309"]}}}""");

        Assert.Equal(["ada@analytical.engine", "ada@example.com"], reply.Values("email_addresses").Select(e => e.GetProperty("email_address").GetString()));
        Assert.Equal(["+15558675309"], reply.Values("phone_numbers").Select(p => p.GetProperty("phone_number").GetString()));
        Assert.Equal("Ada Lovelace", Assert.Single(reply.Values("name")).GetProperty("full_name").GetString());
    }

    [Fact]
    public async Task A_non_unique_matching_attribute_is_refused()
    {
        await using var harness = await AttioHarness.StartAsync();

        var reply = await harness.PutAsync("v2/objects/people/records?matching_attribute=name", Ada);

        reply.AssertError(400, "matching_attribute_definition_not_unique");
    }

    [Fact]
    public async Task A_matching_attribute_without_a_value_in_the_body_is_missing_value()
    {
        await using var harness = await AttioHarness.StartAsync();

        var absent = await harness.PutAsync("v2/objects/people/records?matching_attribute=email_addresses", """{"data":{"values":{"name":"Ada"}}}""");
        var empty = await harness.PutAsync("v2/objects/people/records?matching_attribute=email_addresses", """{"data":{"values":{"email_addresses":[]}}}""");

        absent.AssertError(400, "missing_value");
        empty.AssertError(400, "missing_value");
    }

    [Fact]
    public async Task Matching_values_of_two_different_records_are_multiple_match_results()
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.CreateAsync("people", """{"email_addresses":["ada@example.com"]}""");
        await harness.CreateAsync("people", """{"email_addresses":["bob@example.com"]}""");

        var reply = await harness.PutAsync("v2/objects/people/records?matching_attribute=email_addresses",
            """{"data":{"values":{"email_addresses":["ada@example.com","bob@example.com"]}}}""");

        reply.AssertError(400, "multiple_match_results");
    }

    [Fact]
    public async Task An_unknown_or_absent_matching_attribute_is_refused()
    {
        await using var harness = await AttioHarness.StartAsync();

        (await harness.PutAsync("v2/objects/people/records?matching_attribute=shoe_size", Ada)).AssertError(400, "value_not_found");
        (await harness.PutAsync("v2/objects/people/records", Ada)).AssertError(400, "validation_type");
    }

    [Fact]
    public async Task Assert_that_would_take_another_records_unique_value_is_a_conflict()
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.PostAsync("v2/objects/people/attributes", SchemaTests.AffinityIdAttribute);
        await harness.CreateAsync("people", """{"affinity_id":"p-1","email_addresses":["ada@example.com"]}""");

        var reply = await harness.PutAsync("v2/objects/people/records?matching_attribute=affinity_id",
            """{"data":{"values":{"affinity_id":"p-2","email_addresses":["ada@example.com"]}}}""");

        reply.AssertError(400, "uniqueness_conflict");
    }
}

using System.Net;
using static Freight.Sandbox.Tests.Affinity.AffinityJson;

namespace Freight.Sandbox.Tests.Affinity;

public sealed class ResourceTests
{
    [Theory]
    [InlineData("companies")]
    [InlineData("persons")]
    [InlineData("opportunities")]
    public async Task Get_by_id_returns_the_record_listed_on_the_page(string kind)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var (_, page) = await harness.GetAsync($"v2/{kind}?limit=5");
        var listed = page.GetProperty("data")[4];

        var (response, single) = await harness.GetAsync($"v2/{kind}/5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(listed.GetRawText(), single.GetRawText());
    }

    [Theory]
    [InlineData("v2/companies/31")]
    [InlineData("v2/persons/999999")]
    [InlineData("v2/opportunities/31")]
    [InlineData("v2/lists/4")]
    [InlineData("v2/lists/9/list-entries")]
    [InlineData("v2/lists/9/fields")]
    public async Task Unknown_id_gets_404_not_found_error(string url)
    {
        await using var harness = await SimulatorHarness.StartAsync(companies: 30);

        var (response, body) = await harness.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not-found", SingleError(body).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Person_has_v2_shape_and_no_field_data_without_selection()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (_, person) = await harness.GetAsync("v2/persons/1");

        Assert.Equal("internal", person.GetProperty("type").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, person.GetProperty("emailAddresses").ValueKind);
        Assert.True(person.TryGetProperty("primaryEmailAddress", out _));
        Assert.False(person.TryGetProperty("fields", out _));
    }

    [Fact]
    public async Task Lists_are_the_three_sandbox_lists_with_their_types()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (_, page) = await harness.GetAsync("v2/lists");

        Assert.Equal([1, 2, 3], Ids(page));
        Assert.Equal(
            ["company", "person", "opportunity"],
            page.GetProperty("data").EnumerateArray().Select(l => l.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Field_metadata_separates_global_and_list_fields()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (_, company) = await harness.GetAsync("v2/companies/fields");
        var (_, deals) = await harness.GetAsync("v2/lists/3/fields");

        var companyFields = company.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(9, companyFields.Count);
        Assert.All(companyFields, f => Assert.Equal("global", f.GetProperty("type").GetString()));
        Assert.Contains(companyFields, f => f.GetProperty("id").GetString() == "field-1001"
            && f.GetProperty("valueType").GetString() == "dropdown");
        var dealFields = deals.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(
            ["companies", "field-2201", "field-2202", "field-2203", "field-2204", "field-2205", "persons"],
            dealFields.Select(f => f.GetProperty("id").GetString()));
        Assert.Contains(dealFields, f => f.GetProperty("id").GetString() == "field-2201"
            && f.GetProperty("type").GetString() == "list"
            && f.GetProperty("valueType").GetString() == "ranked-dropdown");
    }

    [Fact]
    public async Task Same_seed_gives_the_same_first_page()
    {
        await using var first = await SimulatorHarness.StartAsync(companies: 200, seed: 11);
        await using var second = await SimulatorHarness.StartAsync(companies: 200, seed: 11);
        await using var other = await SimulatorHarness.StartAsync(companies: 200, seed: 12);

        var (_, a) = await first.GetAsync("v2/companies");
        var (_, b) = await second.GetAsync("v2/companies");
        var (_, c) = await other.GetAsync("v2/companies");

        Assert.Equal(a.GetProperty("data").GetRawText(), b.GetProperty("data").GetRawText());
        Assert.NotEqual(a.GetProperty("data").GetRawText(), c.GetProperty("data").GetRawText());
    }
}

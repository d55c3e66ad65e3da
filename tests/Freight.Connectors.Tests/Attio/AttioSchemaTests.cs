using System.Text.Json;
using static Freight.Connectors.Tests.Attio.Canonical;

namespace Freight.Connectors.Tests.Attio;

public sealed class AttioSchemaTests
{
    [Fact]
    public async Task Schema_creates_affinity_ids_fields_options_lists_and_nothing_the_second_time()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();

        var first = await target.EnsureSchemaAsync(Schema(), CancellationToken.None);
        var second = await target.EnsureSchemaAsync(Schema(), CancellationToken.None);

        // 3 affinity_id + 9 global fields + 5 options + 2 lists + 3 list fields + 5 list statuses + 1 deal stage,
        // + the deal list's field on deals (an opportunity's list fields are its own) with its 2 options.
        Assert.Equal(31, first.Created.Count);
        Assert.Empty(first.Warnings);
        Assert.Empty(second.Created);
        Assert.Empty(second.Warnings);
        foreach (var objectSlug in new[] { "companies", "people", "deals" })
        {
            var id = (await attio.GetAsync($"v2/objects/{objectSlug}/attributes/affinity_id")).GetProperty("data");
            Assert.Equal("text", id.GetProperty("type").GetString());
            Assert.True(id.GetProperty("is_unique").GetBoolean());
        }
    }

    [Theory]
    [InlineData("v2/objects/companies/attributes/aff_field_1", "text", false)]
    [InlineData("v2/objects/companies/attributes/aff_field_2", "number", false)]
    [InlineData("v2/objects/companies/attributes/aff_field_3", "timestamp", false)]
    [InlineData("v2/objects/companies/attributes/aff_field_4", "select", false)]
    [InlineData("v2/objects/companies/attributes/aff_field_5", "record-reference", false)]
    [InlineData("v2/objects/companies/attributes/aff_field_6", "location", false)]
    [InlineData("v2/objects/companies/attributes/aff_field_7", "select", true)]
    [InlineData("v2/objects/people/attributes/aff_field_8", "record-reference", true)]
    [InlineData("v2/objects/people/attributes/aff_field_9", "text", false)]
    [InlineData("v2/lists/affinity_list_1/attributes/aff_field_20", "status", false)]
    [InlineData("v2/lists/affinity_list_1/attributes/aff_field_21", "number", false)]
    [InlineData("v2/lists/affinity_list_3/attributes/aff_field_30", "status", false)]
    [InlineData("v2/objects/deals/attributes/aff_field_30", "select", false)]
    public async Task Each_field_gets_an_attribute_of_its_mapped_type(string path, string type, bool multiselect)
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);

        var attribute = (await attio.GetAsync(path)).GetProperty("data");

        Assert.Equal(type, attribute.GetProperty("type").GetString());
        Assert.Equal(multiselect, attribute.GetProperty("is_multiselect").GetBoolean());
    }

    [Fact]
    public async Task Select_options_statuses_and_lists_are_created_with_their_titles()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);

        var options = await attio.GetAsync("v2/objects/companies/attributes/aff_field_4/options");
        var statuses = await attio.GetAsync("v2/lists/affinity_list_1/attributes/aff_field_20/statuses");
        var lists = await attio.GetAsync("v2/lists");

        Assert.Equal(["Fintech", "Health"], Titles(options, "title"));
        Assert.Equal(["New", "Interested", "Closed"], Titles(statuses, "title"));
        Assert.Equal(["affinity_list_1", "affinity_list_3"], Titles(lists, "api_slug"));
        Assert.Equal(["companies", "deals"], lists.GetProperty("data").EnumerateArray().Select(l => l.GetProperty("parent_object")[0].GetString()!).ToList());
    }

    [Fact]
    public async Task A_second_target_adds_only_the_option_the_source_gained()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var first = attio.Target();
        await first.EnsureSchemaAsync(Schema(), CancellationToken.None);
        var grown = Schema() with
        {
            Fields = [.. Schema().Fields.Select(f => f.Id == Industry ? f with { Options = [.. f.Options, "Energy"] } : f)],
        };

        await using var second = attio.Target();
        var report = await second.EnsureSchemaAsync(grown, CancellationToken.None);

        Assert.Equal(["v2/objects/companies/attributes/aff_field_4/options Energy"], report.Created);
    }

    [Fact]
    public async Task An_existing_affinity_id_that_is_not_unique_stops_the_job()
    {
        await using var attio = await AttioFixture.StartAsync();
        using var create = await attio.Http.PostAsync("v2/objects/people/attributes", new StringContent(
            """{"data":{"title":"Affinity ID","description":null,"api_slug":"affinity_id","type":"text","is_required":false,"is_unique":false,"is_multiselect":false,"config":{}}}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.True(create.IsSuccessStatusCode);
        await using var target = attio.Target();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => target.EnsureSchemaAsync(Schema(), CancellationToken.None));

        Assert.True(error.StopsJob);
        Assert.StartsWith("v2/objects/people/attributes/affinity_id exists but is not unique", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Titles(JsonElement answer, string property) =>
        [.. answer.GetProperty("data").EnumerateArray().Select(o => o.GetProperty(property).GetString()!)];
}

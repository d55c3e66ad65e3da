using System.Net;
using System.Text.Json;
using Freight.Sandbox.Dataset;
using static Freight.Sandbox.Tests.Affinity.AffinityJson;

namespace Freight.Sandbox.Tests.Affinity;

public sealed class RelatedRecordTests
{
    private const int Seed = 7;
    private const int Companies = 60;
    private static readonly SandboxDataset Data = SandboxDataset.Generate(Seed, Companies);

    private static Task<SimulatorHarness> StartAsync() => SimulatorHarness.StartAsync(Companies, Seed);

    private static List<long> AllNotesOf(EntityType type, long id, IEnumerable<long> personIds) =>
    [
        .. Data.Notes.Where(n => (type == EntityType.Company ? n.CompanyIds : type == EntityType.Person ? n.PersonIds : n.OpportunityIds).Contains(id)
            || n.PersonIds.Intersect(personIds).Any()).Select(n => n.Id),
    ];

    [Fact]
    public async Task A_company_in_the_pipeline_lists_it_without_a_type_and_one_outside_lists_nothing()
    {
        await using var harness = await StartAsync();
        var member = Data.EntriesOf(1)![0].EntityId;
        var outsider = Enumerable.Range(1, Companies).First(id => Data.EntriesOf(1)!.All(e => e.EntityId != id));

        var (_, lists) = await harness.GetAsync($"v2/companies/{member}/lists");
        var (_, none) = await harness.GetAsync($"v2/companies/{outsider}/lists");

        Assert.Equal("""{"id":1,"name":"Pipeline","isPublic":true,"ownerId":1,"creatorId":1}""", Assert.Single(lists.GetProperty("data").EnumerateArray()).GetRawText());
        Assert.Empty(Ids(none));
        Assert.Null(NextUrl(none));
    }

    [Fact]
    public async Task A_persons_entries_carry_every_field_without_a_selection()
    {
        await using var harness = await StartAsync();
        var entry = Data.EntriesOf(2)![4];

        var (response, page) = await harness.GetAsync($"v2/persons/{entry.EntityId}/list-entries");
        var (_, lists) = await harness.GetAsync($"v2/persons/{entry.EntityId}/lists");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var single = Assert.Single(page.GetProperty("data").EnumerateArray());
        Assert.Equal(["id", "listId", "createdAt", "creatorId", "fields"], single.EnumerateObject().Select(p => p.Name));
        Assert.Equal(entry.Id, single.GetProperty("id").GetInt64());
        Assert.Equal(
            ["field-1101", "field-1102", "field-1103", "field-1104", "field-1105", "field-1106", "field-1107", "affinity-data-current-organization", "companies", "field-2101", "field-2102"],
            single.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        var relationship = entry.Fields.Single(v => v.FieldId == "field-2101").Option!;
        Assert.Equal(relationship.Id, single.GetProperty("fields")[9].GetProperty("value").GetProperty("data").GetProperty("dropdownOptionId").GetInt64());
        Assert.Equal([2], Ids(lists));
    }

    [Fact]
    public async Task A_company_entry_is_the_pipeline_entry_that_holds_it()
    {
        await using var harness = await StartAsync();
        var entry = Data.EntriesOf(1)![7];

        var (_, page) = await harness.GetAsync($"v2/companies/{entry.EntityId}/list-entries");

        var single = Assert.Single(page.GetProperty("data").EnumerateArray());
        Assert.Equal(entry.Id, single.GetProperty("id").GetInt64());
        Assert.Equal(1, single.GetProperty("listId").GetInt64());
        Assert.Equal(12, single.GetProperty("fields").GetArrayLength());
    }

    [Fact]
    public async Task Company_notes_include_the_notes_of_its_persons_in_id_order()
    {
        await using var harness = await StartAsync();
        var companyId = Enumerable.Range(1, Companies).Select(id => (long)id)
            .First(id => Data.NoteIdsOf(EntityType.Company, id).Count > 0 && Data.PersonIdsOf(id).Any(p => Data.NoteIdsOf(EntityType.Person, p).Count > 0));
        var expected = AllNotesOf(EntityType.Company, companyId, Data.PersonIdsOf(companyId));

        var (_, page) = await harness.GetAsync($"v2/companies/{companyId}/notes?limit=100&totalCount=true");

        Assert.Equal(expected, Ids(page));
        Assert.True(expected.Count > Data.NoteIdsOf(EntityType.Company, companyId).Count);
        Assert.Equal(expected.Count, page.GetProperty("pagination").GetProperty("totalCount").GetInt64());
        Assert.All(page.GetProperty("data").EnumerateArray(), n => Assert.Equal("entities", n.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Person_notes_are_its_own_and_opportunity_notes_add_its_persons()
    {
        await using var harness = await StartAsync();
        var personId = Enumerable.Range(1, Data.Counts.Persons).Select(id => (long)id).First(id => Data.NoteIdsOf(EntityType.Person, id).Count > 1);
        var opportunity = Data.Opportunities.First(o => o.PersonIds.Any(p => Data.NoteIdsOf(EntityType.Person, p).Count > 0));

        var (_, personNotes) = await harness.GetAsync($"v2/persons/{personId}/notes");
        var (_, opportunityNotes) = await harness.GetAsync($"v2/opportunities/{opportunity.Id}/notes");

        Assert.Equal(AllNotesOf(EntityType.Person, personId, []), Ids(personNotes));
        Assert.False(personNotes.GetProperty("pagination").TryGetProperty("totalCount", out _));
        Assert.Equal(AllNotesOf(EntityType.Opportunity, opportunity.Id, opportunity.PersonIds), Ids(opportunityNotes));
        Assert.NotEmpty(Ids(opportunityNotes));
    }

    [Fact]
    public async Task Entity_notes_page_through_nextUrl_with_the_limit_in_the_cursor()
    {
        await using var harness = await StartAsync();
        var companyId = Enumerable.Range(1, Companies).Select(id => (long)id)
            .First(id => AllNotesOf(EntityType.Company, id, Data.PersonIdsOf(id)).Count >= 3);
        var all = new List<long>();
        var pages = 0;

        string? url = $"v2/companies/{companyId}/notes?limit=1";
        while (url is not null)
        {
            var (_, page) = await harness.GetAsync(url);
            Assert.Single(Ids(page));
            all.AddRange(Ids(page));
            url = NextUrl(page);
            pages++;
        }

        Assert.Equal(AllNotesOf(EntityType.Company, companyId, Data.PersonIdsOf(companyId)), all);
        Assert.Equal(all.Count, pages);
    }

    [Theory]
    [InlineData("companies", "v2/companies?ids=5&ids=2&ids=999&ids=2", new long[] { 2, 5 })]
    [InlineData("persons", "v2/persons?ids=180&ids=1", new long[] { 1, 180 })]
    [InlineData("opportunities", "v2/opportunities?ids=61&ids=60&ids=3", new long[] { 3, 60 })]
    public async Task Ids_filter_returns_the_named_records_in_id_order(string kind, string url, long[] expected)
    {
        await using var harness = await StartAsync();

        var (response, page) = await harness.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Ids(page));
        Assert.Contains(kind, url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_filter_pages_and_keeps_the_filter_in_nextUrl()
    {
        await using var harness = await StartAsync();

        var (_, first) = await harness.GetAsync("v2/companies?ids=9&ids=3&ids=7&limit=2");
        var (_, second) = await harness.GetAsync(NextUrl(first)!);

        Assert.Equal([3, 7], Ids(first));
        Assert.Equal([9], Ids(second));
    }

    [Fact]
    public async Task A_list_entry_is_found_only_in_its_own_list()
    {
        await using var harness = await StartAsync();
        var entry = Data.EntriesOf(3)![2];

        var (found, body) = await harness.GetAsync($"v2/lists/3/list-entries/{entry.Id}");
        var (elsewhere, error) = await harness.GetAsync($"v2/lists/1/list-entries/{entry.Id}");
        var (unknownList, _) = await harness.GetAsync($"v2/lists/4/list-entries/{entry.Id}");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("opportunity", body.GetProperty("type").GetString());
        Assert.Equal(entry.EntityId, body.GetProperty("entity").GetProperty("id").GetInt64());
        Assert.False(body.GetProperty("entity").TryGetProperty("fields", out _));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal($"List entry {entry.Id} was not found.", SingleError(error).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknownList.StatusCode);
    }

    [Theory]
    [InlineData("v2/companies/61/lists")]
    [InlineData("v2/companies/61/list-entries")]
    [InlineData("v2/companies/61/notes")]
    [InlineData("v2/persons/181/lists")]
    [InlineData("v2/persons/181/list-entries")]
    [InlineData("v2/persons/181/notes")]
    [InlineData("v2/opportunities/61/notes")]
    public async Task Routes_of_an_unknown_record_are_404(string url)
    {
        await using var harness = await StartAsync();

        var (response, body) = await harness.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(JsonValueKind.String, SingleError(body).GetProperty("message").ValueKind);
        Assert.Equal("not-found", SingleError(body).GetProperty("code").GetString());
    }
}

using System.Net;
using static Freight.Sandbox.Tests.Affinity.AffinityJson;

namespace Freight.Sandbox.Tests.Affinity;

public sealed class PagingTests
{
    [Fact]
    public async Task Following_nextUrl_returns_every_company_once_in_order()
    {
        await using var harness = await SimulatorHarness.StartAsync(companies: 250);
        var ids = new List<long>();
        var pages = 0;

        string? url = "v2/companies";
        while (url is not null)
        {
            var (response, page) = await harness.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            ids.AddRange(Ids(page));
            url = NextUrl(page);
            pages++;
        }

        Assert.Equal(3, pages); // default limit 100
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task Limit_sizes_pages_and_nextUrl_is_absolute_with_only_a_cursor()
    {
        await using var harness = await SimulatorHarness.StartAsync(companies: 30);

        var (_, first) = await harness.GetAsync("v2/persons?limit=7");
        var next = new Uri(NextUrl(first)!);
        var (_, second) = await harness.GetAsync(next.ToString());

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], Ids(first));
        Assert.Null(PrevUrl(first));
        Assert.Equal(harness.Simulator.BaseAddress.Authority, next.Authority);
        Assert.Equal("/v2/persons", next.AbsolutePath);
        Assert.StartsWith("?cursor=", next.Query, StringComparison.Ordinal);
        Assert.Equal([8, 9, 10, 11, 12, 13, 14], Ids(second));
        var (_, back) = await harness.GetAsync(PrevUrl(second)!);
        Assert.Equal(Ids(first), Ids(back));
    }

    [Fact]
    public async Task Last_page_has_no_nextUrl()
    {
        await using var harness = await SimulatorHarness.StartAsync(companies: 10);

        var (_, page) = await harness.GetAsync("v2/opportunities?limit=100");

        Assert.Equal(10, Ids(page).Count);
        Assert.Null(NextUrl(page));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("ten")]
    public async Task Invalid_limit_gets_400_validation_error_on_limit(string limit)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, body) = await harness.GetAsync($"v2/companies?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = SingleError(body);
        Assert.Equal("validation", error.GetProperty("code").GetString());
        Assert.Equal("limit", error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task Unknown_cursor_gets_400_validation_error_on_cursor()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, body) = await harness.GetAsync("v2/companies?cursor=ICAgICAgIGFmdGVyOjo6NA");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cursor", SingleError(body).GetProperty("param").GetString());
    }

    [Fact]
    public async Task Cursor_from_another_endpoint_is_refused()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var (_, persons) = await harness.GetAsync("v2/persons?limit=5");
        var cursor = new Uri(NextUrl(persons)!).Query;

        var (response, _) = await harness.GetAsync("v2/companies" + cursor);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task List_entries_page_through_one_list_with_their_entities()
    {
        await using var harness = await SimulatorHarness.StartAsync(companies: 40);
        var entries = new List<System.Text.Json.JsonElement>();

        string? url = "v2/lists/1/list-entries?limit=8";
        while (url is not null)
        {
            var (_, page) = await harness.GetAsync(url);
            entries.AddRange(page.GetProperty("data").EnumerateArray());
            url = NextUrl(page);
        }

        Assert.Equal(20, entries.Count); // one company in two
        Assert.All(entries, e =>
        {
            Assert.Equal("company", e.GetProperty("type").GetString());
            Assert.Equal(1, e.GetProperty("listId").GetInt64());
            Assert.True(e.GetProperty("entity").GetProperty("id").GetInt64() >= 1);
            Assert.True(e.GetProperty("entity").TryGetProperty("domains", out _));
        });
        Assert.Equal(entries.Count, entries.Select(e => e.GetProperty("id").GetInt64()).Distinct().Count());
    }
}

using System.Net;
using System.Text.Json;
using Freight.Sandbox.Affinity;
using Freight.TestUtils;
using static Freight.Sandbox.Tests.Affinity.AffinityJson;

namespace Freight.Sandbox.Tests.Affinity;

/// <summary><c>GET .../fields/{fieldId}/dropdown-options</c> on companies, persons and lists.</summary>
public sealed class DropdownOptionTests
{
    private static List<string?> Texts(JsonElement page) =>
        [.. page.GetProperty("data").EnumerateArray().Select(o => o.GetProperty("text").GetString())];

    [Fact]
    public async Task A_company_dropdown_lists_the_options_the_field_defines_and_not_the_retired_one()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, page) = await harness.GetAsync("v2/companies/fields/field-1001/dropdown-options");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Software", "Fintech", "Healthcare", "Energy", "Retail", "Logistics", "Media", "Education"], Texts(page));
        Assert.Equal("""{"type":"dropdown","id":101,"text":"Software"}""", page.GetProperty("data")[0].GetRawText());
        Assert.Equal("""{"prevUrl":null,"nextUrl":null}""", page.GetProperty("pagination").GetRawText());
        Assert.DoesNotContain(page.GetProperty("data").EnumerateArray(), o => o.GetProperty("id").GetInt64() == 199);
    }

    [Fact]
    public async Task Person_and_multi_value_dropdowns_have_their_options_too()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (_, seniority) = await harness.GetAsync("v2/persons/fields/field-1102/dropdown-options");
        var (_, tags) = await harness.GetAsync("v2/companies/fields/field-1007/dropdown-options");

        Assert.Equal(["Intern", "Associate", "Manager", "Director", "C-level"], Texts(seniority));
        Assert.Equal(["B2B", "B2C", "SaaS", "Marketplace", "Hardware", "Open source"], Texts(tags));
    }

    [Fact]
    public async Task A_ranked_dropdown_of_a_list_gives_rank_and_color()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (_, stages) = await harness.GetAsync("v2/lists/3/fields/field-2201/dropdown-options");
        var (_, relationship) = await harness.GetAsync("v2/lists/2/fields/field-2101/dropdown-options");
        var (_, global) = await harness.GetAsync("v2/lists/2/fields/field-1102/dropdown-options");

        Assert.Equal(
            """{"type":"ranked-dropdown","id":501,"text":"Lead","rank":1,"color":"blue"}""", stages.GetProperty("data")[0].GetRawText());
        Assert.Equal(
            [(501L, "Lead", 1, "blue"), (502L, "In Progress", 2, "green"), (503L, "Won 🎉", 3, "yellow"), (504L, "Lost", 4, "red")],
            stages.GetProperty("data").EnumerateArray().Select(o => (
                o.GetProperty("id").GetInt64(), o.GetProperty("text").GetString(), o.GetProperty("rank").GetInt32(), o.GetProperty("color").GetString())));
        Assert.Equal(["Warm", "Cold", "Champion"], Texts(relationship));
        Assert.Equal(5, global.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Options_page_with_limit_and_cursor()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (_, first) = await harness.GetAsync("v2/companies/fields/field-1001/dropdown-options?limit=3");
        var (_, second) = await harness.GetAsync(NextUrl(first)!);
        var (_, third) = await harness.GetAsync(NextUrl(second)!);

        Assert.Equal(["Software", "Fintech", "Healthcare"], Texts(first));
        Assert.Equal(["Energy", "Retail", "Logistics"], Texts(second));
        Assert.Equal(["Media", "Education"], Texts(third));
        Assert.Null(NextUrl(third));
        Assert.NotNull(PrevUrl(third));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("ten")]
    public async Task A_limit_outside_1_to_100_is_a_validation_error(string limit)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, body) = await harness.GetAsync($"v2/persons/fields/field-1102/dropdown-options?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("validation", "limit"), (SingleError(body).GetProperty("code").GetString(), SingleError(body).GetProperty("param").GetString()));
    }

    [Fact]
    public async Task A_cursor_of_another_field_is_refused()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var (_, first) = await harness.GetAsync("v2/companies/fields/field-1001/dropdown-options?limit=2");
        var cursor = new Uri(NextUrl(first)!).Query.Split("cursor=")[1];

        var (response, body) = await harness.GetAsync($"v2/companies/fields/field-1007/dropdown-options?cursor={cursor}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cursor", SingleError(body).GetProperty("param").GetString());
    }

    [Theory]
    [InlineData("v2/companies/fields/field-9999/dropdown-options", "Field field-9999 was not found.")]
    [InlineData("v2/companies/fields/field-1102/dropdown-options", "Field field-1102 was not found.")]
    [InlineData("v2/persons/fields/field-2101/dropdown-options", "Field field-2101 was not found.")]
    [InlineData("v2/lists/1/fields/field-2201/dropdown-options", "Field field-2201 was not found.")]
    [InlineData("v2/lists/9/fields/field-2201/dropdown-options", "List 9 was not found.")]
    public async Task An_unknown_field_or_one_of_another_entity_or_list_is_not_found(string url, string message)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, body) = await harness.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"errors":[{"code":"not-found","message":"MESSAGE"}]}""".Replace("MESSAGE", message, StringComparison.Ordinal), body.GetRawText());
    }

    [Theory]
    [InlineData("v2/companies/fields/field-1002/dropdown-options", "Field field-1002 is a number field; only dropdown and ranked-dropdown fields have options.")]
    [InlineData("v2/lists/3/fields/persons/dropdown-options", "Field persons is a person-multi field; only dropdown and ranked-dropdown fields have options.")]
    public async Task A_field_that_is_not_a_dropdown_is_a_bad_request(string url, string message)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, body) = await harness.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"errors":[{"code":"bad-request","message":"MESSAGE"}]}""".Replace("MESSAGE", message, StringComparison.Ordinal), body.GetRawText());
    }

    [Fact]
    public async Task A_non_numeric_list_id_is_a_validation_error_and_other_methods_are_not_allowed()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, body) = await harness.GetAsync("v2/lists/abc/fields/field-2201/dropdown-options");
        using var post = await harness.Client.PostAsync("v2/companies/fields/field-1001/dropdown-options", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("listId", SingleError(body).GetProperty("param").GetString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task Options_need_the_bearer_key()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.Client.DefaultRequestHeaders.Authorization = null;

        var (response, body) = await harness.GetAsync("v2/companies/fields/field-1001/dropdown-options");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("authentication", SingleError(body).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Options_requests_spend_the_rate_budget_like_any_other()
    {
        var time = new ManualTimeProvider();
        await using var harness = await SimulatorHarness.StartAsync(options: new AffinitySimulatorOptions
        {
            Speed = 2.0 / AffinitySimulatorOptions.RealPerMinuteLimit,
            TimeProvider = time,
        });

        var (first, _) = await harness.GetAsync("v2/companies/fields/field-1001/dropdown-options");
        var (second, _) = await harness.GetAsync("v2/lists/3/fields/field-2201/dropdown-options");
        var (limited, body) = await harness.GetAsync("v2/persons/fields/field-1102/dropdown-options");

        // 2 a minute and 222 a month at this speed: two requests spend both the minute's budget and two of the month's.
        Assert.Equal("1", Assert.Single(first.Headers.GetValues("X-Ratelimit-Limit-User-Remaining")));
        Assert.Equal(("0", "220"), (
            Assert.Single(second.Headers.GetValues("X-Ratelimit-Limit-User-Remaining")),
            Assert.Single(second.Headers.GetValues("X-Ratelimit-Limit-Org-Remaining"))));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate-limit", SingleError(body).GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
    }
}

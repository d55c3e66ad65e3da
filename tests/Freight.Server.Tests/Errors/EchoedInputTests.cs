using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Freight.Server.Tests.Jobs;

namespace Freight.Server.Tests.Errors;

/// <summary>An error answer quotes at most a short, cut prefix of what the client sent, however much that was.</summary>
public sealed class EchoedInputTests
{
    // Far more than any legitimate error body, far less than the input.
    private const int MaxBodyBytes = 2048;

    // Characters of client input an error message may quote before cutting it.
    private const int MaxQuoted = 40;

    private static readonly string Huge = new('c', 100_000);

    [Fact]
    public async Task A_huge_unknown_entity_is_quoted_as_a_cut_prefix_in_message_and_details()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var body = JobScenario.Body();
        body["entities"] = new[] { Huge };

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", body);

        var error = await AssertSmallErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_error");
        var expected = $"entities must list some of companies, people, deals, notes, list_entries; '{new string('c', MaxQuoted)}…' is not one.";
        Assert.Equal(expected, error.GetProperty("message").GetString());
        var detail = Assert.Single(error.GetProperty("details").EnumerateArray());
        Assert.Equal(("entities", expected), (detail.GetProperty("field").GetString(), detail.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_short_value_is_quoted_whole()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var body = JobScenario.Body();
        body["entities"] = new[] { "planets" };

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", body);

        await response.AssertErrorAsync(
            HttpStatusCode.UnprocessableEntity, "validation_error", "entities must list some of companies, people, deals, notes, list_entries; 'planets' is not one.");
    }

    [Fact]
    public async Task A_huge_config_setting_name_and_base_url_are_not_echoed_whole()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var body = JobScenario.Body();
        body["source_config"] = new Dictionary<string, object?> { ["api_key"] = "k", [Huge] = 1 };
        body["target_config"] = new Dictionary<string, object?> { ["api_key"] = "k", ["base_url"] = "https://" + Huge + ".example.com" };

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", body);

        // The connectors word these messages; the error shape bounds whatever they quote.
        var error = await AssertSmallErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_error", quotesCutPrefix: false);
        var details = error.GetProperty("details").EnumerateArray()
            .Select(detail => (Field: detail.GetProperty("field").GetString()!, Message: detail.GetProperty("message").GetString()!)).ToList();
        Assert.Equal(2, details.Count);
        Assert.StartsWith("source_config.cccc", details[0].Field, StringComparison.Ordinal);
        Assert.EndsWith("…", details[0].Field, StringComparison.Ordinal);
        Assert.Equal("target_config.base_url", details[1].Field);
        Assert.All(details, detail => Assert.InRange(detail.Message.Length, 1, 501)); // 500 characters and the ellipsis
    }

    [Theory]
    [InlineData("/api/v1/jobs?status={0}")]
    [InlineData("/api/v1/jobs?limit={0}")]
    [InlineData("/api/v1/jobs?status=running&offset={0}")]
    public async Task A_huge_query_value_is_a_small_422(string path)
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, new string('x', 6000)));

        await AssertSmallErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_error");
    }

    [Fact]
    public async Task A_huge_retry_flag_is_a_small_422()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);

        using var response = await client.PostAsync($"/api/v1/jobs/{id}/retry?retry_failed_only={new string('x', 6000)}", null);

        await AssertSmallErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_error");
    }

    [Fact]
    public async Task A_huge_slug_and_name_are_a_small_422()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Admin.PostAsJsonAsync("/api/v1/admin/tenants", new { name = Huge, slug = Huge });

        var error = await AssertSmallErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_error");
        Assert.Equal(["name", "slug"], error.GetProperty("details").EnumerateArray().Select(detail => detail.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task A_huge_health_component_is_quoted_as_a_cut_prefix()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Anonymous.GetAsync("/health/" + new string('d', 6000));

        var error = await AssertSmallErrorAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(
            $"No health component '{new string('d', MaxQuoted)}…'; there are database, worker, queue.",
            error.GetProperty("message").GetString());
    }

    private static async Task<JsonElement> AssertSmallErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, bool quotesCutPrefix = true)
    {
        var length = (await response.Content.ReadAsByteArrayAsync()).Length;
        var error = await response.AssertErrorAsync(status, code);
        Assert.True(length < MaxBodyBytes, $"The {(int)status} answer is {length} bytes.");
        if (quotesCutPrefix)
        {
            Assert.DoesNotMatch(@"(\w)\1{" + MaxQuoted + "}", error.ToString());
        }

        return error;
    }
}

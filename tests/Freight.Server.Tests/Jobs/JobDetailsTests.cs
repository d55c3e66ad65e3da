using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Freight.Server.Tests.Jobs;

public sealed class JobDetailsTests
{
    [Fact]
    public async Task Batches_are_listed_with_their_outcome_and_filtered_by_status()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CompletedWithErrorsAsync(server, client);

        var all = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}/batches");
        var failed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}/batches?status=failed");
        var paged = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}/batches?limit=1&offset=1");

        Assert.Equal((2, false), (all.GetProperty("total").GetInt32(), all.GetProperty("has_more").GetBoolean()));
        Assert.Equal([("companies", 1, "succeeded", 3), ("companies", 2, "failed", 2)], all.GetProperty("items").EnumerateArray().Select(b =>
            (b.GetProperty("phase").GetString(), b.GetProperty("sequence").GetInt32(), b.GetProperty("status").GetString(), b.GetProperty("record_count").GetInt32())));
        var batch = Assert.Single(failed.GetProperty("items").EnumerateArray());
        Assert.Equal(("Attio answered 500 three times.", 1), (batch.GetProperty("error").GetString(), batch.GetProperty("attempts").GetInt32()));
        Assert.False(batch.TryGetProperty("payload", out _));
        Assert.Equal((2, 1, 1, false), (paged.GetProperty("total").GetInt32(), paged.GetProperty("limit").GetInt32(),
            paged.GetProperty("offset").GetInt32(), paged.GetProperty("has_more").GetBoolean()));
    }

    [Fact]
    public async Task Failures_show_where_and_why_a_record_failed_without_its_payload()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CompletedWithErrorsAsync(server, client);

        using var response = await client.GetAsync($"/api/v1/jobs/{id}/failures?entity=companies");
        var none = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}/failures?entity=people");

        var body = await response.JsonAsync(HttpStatusCode.OK);
        var failure = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(["id", "entity", "source_id", "batch_id", "origin", "code", "message", "retryable", "created_at"], failure.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("companies", "c2", "target", "uniqueness_conflict", "The domain is taken.", false), (
            failure.GetProperty("entity").GetString(), failure.GetProperty("source_id").GetString(), failure.GetProperty("origin").GetString(),
            failure.GetProperty("code").GetString(), failure.GetProperty("message").GetString(), failure.GetProperty("retryable").GetBoolean()));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Logs_are_listed_in_order_and_filtered_by_level()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CompletedWithErrorsAsync(server, client);

        var all = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}/logs");
        var errors = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}/logs?level=error");

        Assert.Equal(["Companies started.", "Batch companies#2 failed."], all.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("message").GetString()));
        var error = Assert.Single(errors.GetProperty("items").EnumerateArray());
        Assert.Equal(("error", "companies"), (error.GetProperty("level").GetString(), error.GetProperty("entity").GetString()));
    }

    [Theory]
    [InlineData("batches?status=done", "status", "status must be one of pending, running, succeeded, failed.")]
    [InlineData("logs?level=fatal", "level", "level must be one of debug, info, warning, error.")]
    [InlineData("failures?entity=widgets", "entity", "entity must be one of schema, companies, people, deals, notes, list_entries.")]
    [InlineData("batches?limit=0", "limit", "limit must be a whole number from 1 to 1000.")]
    [InlineData("logs?offset=-1", "offset", "offset must be a whole number of at least 0.")]
    [InlineData("failures?limit=abc", "limit", "limit must be a whole number from 1 to 1000.")]
    public async Task A_bad_filter_or_paging_value_is_a_422_on_that_parameter(string route, string field, string message)
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);

        using var response = await client.GetAsync($"/api/v1/jobs/{id}/{route}");

        var error = await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error", message);
        Assert.Equal(field, error.GetProperty("details")[0].GetProperty("field").GetString());
    }
}

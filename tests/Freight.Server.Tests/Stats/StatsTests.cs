using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Freight.Server.Tests.Jobs;

namespace Freight.Server.Tests.Stats;

public sealed class StatsTests
{
    [Fact]
    public async Task Stats_count_the_tenants_jobs_by_status_its_records_and_throughput()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        var (_, otherKey) = await server.CreateTenantAsync("globex");
        using var client = server.Tenant(key);
        using var other = server.Tenant(otherKey);
        // Completed with errors: 5 records processed (2 written, 1 refused, 2 in a failed batch) within the same instant.
        await JobScenario.CompletedWithErrorsAsync(server, client);
        await JobScenario.CreateIdAsync(other);
        var cancelled = await JobScenario.CreateIdAsync(client);
        using var cancel = await client.PostAsync($"/api/v1/jobs/{cancelled}/cancel", null);

        using var response = await client.GetAsync("/api/v1/stats");

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, body.GetProperty("total_jobs").GetInt32());
        Assert.Equal(
            [("pending", 0), ("running", 0), ("cancelling", 0), ("completed", 0), ("completed_with_errors", 1), ("failed", 0), ("cancelled", 1)],
            body.GetProperty("jobs_by_status").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
        Assert.Equal((5L, 2L, 3L, 0L), (body.GetProperty("records_processed").GetInt64(), body.GetProperty("records_moved").GetInt64(),
            body.GetProperty("records_failed").GetInt64(), body.GetProperty("records_skipped").GetInt64()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("records_per_second").ValueKind);
    }

    [Fact]
    public async Task Throughput_is_records_processed_per_second_of_running_time()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        await RunForAsync(server, client, TimeSpan.FromSeconds(2));

        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/stats");

        Assert.Equal(2.5, body.GetProperty("records_per_second").GetDouble());
    }

    [Fact]
    public async Task A_tenant_without_jobs_has_zero_stats()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/stats");

        Assert.Equal((0, 0L), (body.GetProperty("total_jobs").GetInt32(), body.GetProperty("records_processed").GetInt64()));
        Assert.All(body.GetProperty("jobs_by_status").EnumerateObject(), status => Assert.Equal(0, status.Value.GetInt32()));
    }

    /// <summary>The scenario's job (5 records processed), with <paramref name="duration"/> between its start and its end.</summary>
    private static async Task RunForAsync(ApiServer server, HttpClient client, TimeSpan duration)
    {
        await JobScenario.CompletedWithErrorsAsync(server, client, beforeFinish: () => server.Time.Advance(duration));
    }
}

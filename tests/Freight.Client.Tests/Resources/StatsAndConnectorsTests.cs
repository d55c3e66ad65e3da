using System.Net;
using Freight.Client.Tests.Jobs;
using Freight.Server.Tests.Jobs;

namespace Freight.Client.Tests.Resources;

public sealed class StatsAndConnectorsTests
{
    [Fact]
    public async Task Stats_count_the_tenants_jobs_by_status_and_its_records()
    {
        await using var api = await TenantServer.StartAsync();
        await JobScenario.CompletedWithErrorsAsync(api.Server, api.Http);
        var cancelled = (await api.Client.Jobs.CreateAsync(JobRequests.Valid())).Value.Id;
        await api.Client.Jobs.CancelAsync(cancelled);

        var stats = (await api.Client.Stats.GetAsync()).Value;

        Assert.Equal(2, stats.TotalJobs);
        Assert.Equal((1, 1, 0), (stats.JobsByStatus["completed_with_errors"], stats.JobsByStatus["cancelled"], stats.JobsByStatus["pending"]));
        Assert.Equal((5L, 2L, 3L, 0L), (stats.RecordsProcessed, stats.RecordsMoved, stats.RecordsFailed, stats.RecordsSkipped));
        Assert.Null(stats.RecordsPerSecond);
    }

    [Fact]
    public async Task Connectors_list_each_system_with_its_role_and_config()
    {
        await using var api = await TenantServer.StartAsync();

        var connectors = (await api.Client.Connectors.ListAsync()).Value.Items;

        Assert.Equal([("affinity", ConnectorRole.Source), ("attio", ConnectorRole.Target)], connectors.Select(c => (c.Name, c.Role)));
        Assert.Equal(
            [("api_key", true, true), ("base_url", false, false), ("requests_per_minute", false, false)],
            connectors[0].ConfigSchema.Select(field => (field.Name, field.Required, field.Secret)));
        Assert.All(connectors, connector => Assert.False(string.IsNullOrEmpty(connector.DefaultRateLimit)));
    }

    [Fact]
    public async Task Stats_and_connectors_without_a_key_are_a_401()
    {
        await using var server = await Freight.Server.Tests.ApiServer.StartAsync();
        using var client = Sdk.Anonymous(server);

        var stats = await client.Stats.GetAsync();
        var connectors = await client.Connectors.ListAsync();

        Assert.Equal((HttpStatusCode.Unauthorized, "API key required"), (stats.StatusCode, stats.FreightError()!.Message));
        Assert.Equal((HttpStatusCode.Unauthorized, "API key required"), (connectors.StatusCode, connectors.FreightError()!.Message));
    }
}

using System.Net;
using Freight.Core.Engine;
using Freight.Server.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Freight.Client.Tests.Resources;

public sealed class HealthTests
{
    [Fact]
    public async Task Every_health_route_reads_without_a_key()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = Sdk.Anonymous(server);

        var summary = (await client.Health.GetAsync()).Value;
        var all = (await client.Health.GetAllAsync()).Value;
        var ready = (await client.Health.ReadyAsync()).Value;
        var queue = (await client.Health.GetComponentAsync("queue")).Value;
        var live = (await client.Health.LiveAsync()).Value;

        Assert.Equal((HealthStatus.Healthy, server.Time.GetUtcNow()), (summary.Status, summary.CheckedAt));
        Assert.Equal(
            [("database", HealthStatus.Healthy), ("worker", HealthStatus.Disabled), ("queue", HealthStatus.Healthy)],
            summary.Components.Select(pair => (pair.Key, pair.Value)));
        Assert.Equal(["database", "worker", "queue"], all.Components.Select(component => component.Name));
        Assert.Equal(("Sqlite answered.", HealthStatus.Healthy), (all.Components[0].Message, ready.Status));
        Assert.Equal(("queue", 0), (queue.Name, queue.Details!["claimable_jobs"].GetInt32()));
        Assert.Equal(HealthStatus.Healthy, live.Status);
    }

    [Fact]
    public async Task An_unhealthy_server_answers_its_report_with_503_at_the_first_attempt()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:RunWorker"] = "true" });
        using var client = Sdk.Anonymous(server);
        await server.Services.GetServices<IHostedService>().OfType<Worker>().Single().StopAsync(CancellationToken.None);

        var worker = await client.Health.GetComponentAsync("worker");
        var summary = await client.Health.GetAsync();

        Assert.Equal((true, HttpStatusCode.ServiceUnavailable), (worker.IsSuccess, worker.StatusCode));
        Assert.Equal((HealthStatus.Unhealthy, "The worker has stopped."), (worker.Value.Status, worker.Value.Message));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, HealthStatus.Unhealthy), (summary.StatusCode, summary.Value.Components["worker"]));
    }

    [Fact]
    public async Task An_unknown_component_is_a_404_with_the_apis_message()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = Sdk.Anonymous(server);

        var error = (await client.Health.GetComponentAsync("disk")).FreightError()!;

        Assert.Equal((HttpStatusCode.NotFound, "No health component 'disk'; there are database, worker, queue."), (error.StatusCode, error.Message));
    }

    [Fact]
    public async Task Metrics_read_as_prometheus_text_without_a_key()
    {
        await using var api = await TenantServer.StartAsync();
        await api.Client.Jobs.CreateAsync(Jobs.JobRequests.Valid());
        using var anonymous = Sdk.Anonymous(api.Server);

        var result = await anonymous.Metrics.GetTextAsync();

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Contains("freight_jobs{status=\"pending\"} 1\n", result.Value, StringComparison.Ordinal);
        Assert.Contains("freight_database_up 1\n", result.Value, StringComparison.Ordinal);
    }
}

using System.Net;
using Freight.Core.Domain;
using Freight.Core.Engine;
using Freight.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Freight.Server.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task All_lists_every_component_with_status_message_and_response_time()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Anonymous.GetAsync("/health/all");

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("2026-01-01T00:00:00.000Z", body.GetProperty("checked_at").GetString());
        var components = body.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(["database", "worker", "queue"], components.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["healthy", "disabled", "healthy"], components.Select(c => c.GetProperty("status").GetString()));
        Assert.All(components, c => Assert.True(c.GetProperty("response_time_ms").GetDouble() >= 0));
        Assert.All(components, c => Assert.Equal(["name", "status", "response_time_ms", "message", "details"], c.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("Sqlite answered.", components[0].GetProperty("message").GetString());
        Assert.Equal(0, components[2].GetProperty("details").GetProperty("claimable_jobs").GetInt32());
    }

    [Fact]
    public async Task Health_sums_up_each_components_status()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Anonymous.GetAsync("/health");

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("""{"database":"healthy","worker":"disabled","queue":"healthy"}""", body.GetProperty("components").GetRawText());
        Assert.Equal("healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_queue_counts_the_jobs_a_worker_could_claim()
    {
        await using var server = await ApiServer.StartAsync();
        var (tenantId, _) = await server.CreateTenantAsync("acme");
        var jobs = server.Services.GetRequiredService<JobStore>();
        for (var i = 0; i < 2; i++)
        {
            await jobs.CreateAsync(new NewJob { TenantId = tenantId, SourceSystem = "affinity", TargetSystem = "attio", SourceConfig = "{}", TargetConfig = "{}" });
        }

        using var response = await server.Anonymous.GetAsync("/health/queue");

        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("queue", "healthy", 2), (body.GetProperty("name").GetString(), body.GetProperty("status").GetString(), body.GetProperty("details").GetProperty("claimable_jobs").GetInt32()));
        Assert.Equal("2 job(s) waiting for a worker.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_running_worker_is_healthy_and_a_stopped_one_unhealthy_with_503()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:RunWorker"] = "true" });

        using var running = await server.Anonymous.GetAsync("/health/worker");
        var runningBody = await running.JsonAsync(HttpStatusCode.OK);
        await server.Services.GetServices<IHostedService>().OfType<Worker>().Single().StopAsync(CancellationToken.None);
        using var stopped = await server.Anonymous.GetAsync("/health/worker");
        using var overall = await server.Anonymous.GetAsync("/health");

        Assert.Equal(("healthy", "The worker is polling for jobs."), (runningBody.GetProperty("status").GetString(), runningBody.GetProperty("message").GetString()));
        Assert.Equal("2026-01-01T00:00:00.000Z", runningBody.GetProperty("details").GetProperty("last_polled_at").GetString());
        var stoppedBody = await stopped.JsonAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(("unhealthy", "The worker has stopped."), (stoppedBody.GetProperty("status").GetString(), stoppedBody.GetProperty("message").GetString()));
        var overallBody = await overall.JsonAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("""{"database":"healthy","worker":"unhealthy","queue":"healthy"}""", overallBody.GetProperty("components").GetRawText());
    }

    [Fact]
    public async Task Live_answers_without_checking_anything_and_an_unknown_component_is_404()
    {
        await using var server = await ApiServer.StartAsync();

        using var live = await server.Anonymous.GetAsync("/health/live");
        using var unknown = await server.Anonymous.GetAsync("/health/disk");

        Assert.Equal("""{"status":"healthy"}""", (await live.JsonAsync(HttpStatusCode.OK)).GetRawText());
        await unknown.AssertErrorAsync(HttpStatusCode.NotFound, "not_found", "No health component 'disk'; there are database, worker, queue.");
    }

}

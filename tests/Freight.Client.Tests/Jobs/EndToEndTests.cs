using System.Text.Json.Nodes;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Dataset;
using Freight.Server.Tests;

namespace Freight.Client.Tests.Jobs;

/// <summary>
/// The SDK driving a real migration: the API with its worker on a real clock, from the Affinity simulator into the
/// Attio one, followed through its events to the end.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task Events_follow_a_real_job_to_its_end_and_the_details_agree_with_it()
    {
        var data = SandboxDataset.Generate(5, 20);
        await using var affinity = await AffinitySimulator.StartAsync(data, new AffinitySimulatorOptions { Speed = 1000 });
        await using var attio = await AttioSimulator.StartAsync(new AttioSimulatorOptions { Speed = 1000, WorkspaceMembers = AttioSimulatorOptions.MembersFrom(data) });
        await using var server = await ApiServer.StartWithWorkerAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = Sdk.Tenant(server, key);

        // The simulators run at Speed 1000; the connectors' own budgets follow.
        var created = await client.Jobs.CreateAsync(new CreateJobRequest(
            "affinity",
            "attio",
            new JsonObject { ["api_key"] = affinity.ApiKey, ["base_url"] = affinity.BaseAddress.ToString().TrimEnd('/'), ["requests_per_minute"] = 100_000 },
            new JsonObject { ["api_key"] = attio.ApiKey, ["base_url"] = attio.BaseAddress.ToString().TrimEnd('/'), ["writes_per_second"] = 25_000, ["reads_per_second"] = 100_000 })
        {
            BatchSize = 100,
        });
        var events = await client.Jobs.EventsAsync(created.Value.Id).ToListAsync();

        var end = events[^1];
        Assert.Equal((JobEventKind.End, JobStatus.CompletedWithErrors), (end.Kind, end.Job.Status));
        Assert.All(events.SkipLast(1), e => Assert.Equal(JobEventKind.Progress, e.Kind));
        Assert.True(events.Count > 2, $"{events.Count} events");
        var processed = events.Select(e => e.Job.ProcessedRecords).ToList();
        Assert.Equal(processed.Order(), processed);
        Assert.Equal(Sdk.Json(end.Job), Sdk.Json((await client.Jobs.GetAsync(end.Job.Id)).Value));
        var failures = await client.Jobs.ListAllFailuresAsync(end.Job.Id, pageSize: 7).ToListAsync();
        Assert.Equal(end.Job.FailedRecords, failures.Count);
        var batches = await client.Jobs.ListAllBatchesAsync(end.Job.Id).ToListAsync();
        Assert.All(batches, batch => Assert.Equal(BatchStatus.Succeeded, batch.Status));
        Assert.Equal(end.Job.TotalRecords, end.Job.Phases.Sum(phase => phase.RecordsRead));
    }
}

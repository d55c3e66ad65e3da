using System.Net;
using Freight.Http;
using Freight.Server.Jobs;
using Freight.Server.Tests.Jobs;
using Freight.TestUtils;

namespace Freight.Client.Tests.Jobs;

public sealed class JobEventTests
{
    [Fact]
    public async Task Events_give_the_job_then_each_change_then_the_end_and_stop()
    {
        await using var api = await TenantServer.StartAsync();
        var id = (await api.Client.Jobs.CreateAsync(JobRequests.Valid())).Value.Id;
        var time = api.Server.Time;

        await using var events = api.Client.Jobs.EventsAsync(id).GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        var first = events.Current;
        await time.WaitForPendingTimerAsync(due => due == JobEvents.PollInterval);
        time.Advance(JobEvents.PollInterval);
        await time.WaitForPendingTimerAsync(due => due == JobEvents.PollInterval);
        await api.Client.Jobs.CancelAsync(id);
        time.Advance(JobEvents.PollInterval);
        Assert.True(await events.MoveNextAsync());
        var progress = events.Current;
        Assert.True(await events.MoveNextAsync());
        var end = events.Current;
        var more = await events.MoveNextAsync();

        Assert.Equal((JobEventKind.Progress, "1", JobStatus.Pending, id), (first.Kind, first.Id, first.Job.Status, first.Job.Id));
        Assert.Equal((JobEventKind.Progress, "2", JobStatus.Cancelled), (progress.Kind, progress.Id, progress.Job.Status));
        Assert.Equal((JobEventKind.End, "2", JobStatus.Cancelled), (end.Kind, end.Id, end.Job.Status));
        Assert.False(more);
    }

    [Fact]
    public async Task Events_of_a_finished_job_are_its_state_and_the_end()
    {
        await using var api = await TenantServer.StartAsync();
        var id = await JobScenario.CompletedWithErrorsAsync(api.Server, api.Http);

        var events = await api.Client.Jobs.EventsAsync(id).ToListAsync();

        Assert.Equal([JobEventKind.Progress, JobEventKind.End], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal((JobStatus.CompletedWithErrors, 5L, 3L), (e.Job.Status, e.Job.ProcessedRecords, e.Job.FailedRecords)));
    }

    [Fact]
    public async Task Events_of_an_unknown_job_throw_the_apis_404()
    {
        await using var api = await TenantServer.StartAsync();
        var unknown = Guid.NewGuid();

        var thrown = await Assert.ThrowsAsync<ApiHttpException>(() => api.Client.Jobs.EventsAsync(unknown).ToListAsync());

        Assert.Equal((HttpStatusCode.NotFound, "not_found", $"No job {unknown}."), (thrown.StatusCode, thrown.FreightError().Error, thrown.FreightError().Message));
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_an_event_stops_the_enumeration()
    {
        await using var api = await TenantServer.StartAsync();
        var id = (await api.Client.Jobs.CreateAsync(JobRequests.Valid())).Value.Id;
        using var cancel = new CancellationTokenSource();

        await using var events = api.Client.Jobs.EventsAsync(id, cancel.Token).GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        var first = events.Current;
        var waiting = events.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(JobStatus.Pending, first.Job.Status);
    }

    [Fact]
    public async Task A_stream_the_server_closes_before_the_end_ends_the_events_and_unknown_events_and_comments_are_skipped()
    {
        await using var api = await TenantServer.StartAsync();
        var job = (await api.Client.Jobs.CreateAsync(JobRequests.Valid())).Value;
        var json = Sdk.Json(job);
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(200).WithText(
            $": keep-alive\n\nevent: heartbeat\ndata: {{}}\n\nevent: progress\nid: 7\ndata: {json}\n\n",
            "text/event-stream"));
        using var client = Sdk.Create(server.BaseAddress, apiKey: "frt_anything");

        var events = await client.Jobs.EventsAsync(job.Id).ToListAsync();

        var only = Assert.Single(events);
        Assert.Equal((JobEventKind.Progress, "7", job.Id), (only.Kind, only.Id, only.Job.Id));
        var request = Assert.Single(server.Requests);
        Assert.Equal($"/api/v1/jobs/{job.Id}/events", request.Path);
        Assert.Equal("text/event-stream", request.Headers["Accept"]);
        Assert.Equal("frt_anything", request.Headers["X-API-Key"]);
    }
}

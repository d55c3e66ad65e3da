using System.Net;
using Freight.Core.Jobs;
using Freight.Server.Tests.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Client.Tests.Jobs;

public sealed class JobActionTests
{
    [Fact]
    public async Task Cancel_cancels_a_pending_job_and_a_finished_one_is_a_409_with_the_apis_message()
    {
        await using var api = await TenantServer.StartAsync();
        var id = (await api.Client.Jobs.CreateAsync(JobRequests.Valid())).Value.Id;

        var cancelled = await api.Client.Jobs.CancelAsync(id);
        var again = await api.Client.Jobs.CancelAsync(id);

        Assert.Equal((JobStatus.Cancelled, "Cancelled before it started."), (cancelled.Value.Status, cancelled.Value.StatusReason));
        var error = again.FreightError()!;
        Assert.Equal(
            (HttpStatusCode.Conflict, "conflict", "The job is cancelled; only pending or running jobs can be cancelled."),
            (error.StatusCode, error.Error, error.Message));
    }

    [Fact]
    public async Task Cancel_of_an_unknown_job_is_a_404()
    {
        await using var api = await TenantServer.StartAsync();

        var result = await api.Client.Jobs.CancelAsync(Guid.NewGuid());

        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (result.StatusCode, result.FreightError()!.Error));
    }

    [Fact]
    public async Task Retry_of_a_running_job_is_a_409()
    {
        await using var api = await TenantServer.StartAsync();
        var id = (await api.Client.Jobs.CreateAsync(JobRequests.Valid())).Value.Id;
        await api.Server.Services.GetRequiredService<JobQueue>().ClaimNextAsync(JobScenario.Worker, TimeSpan.FromHours(1));

        var result = await api.Client.Jobs.RetryAsync(id);

        var error = result.FreightError()!;
        Assert.Equal(
            (HttpStatusCode.Conflict, "conflict", "The job is running; only failed or completed_with_errors jobs can be retried."),
            (error.StatusCode, error.Error, error.Message));
    }

    [Fact]
    public async Task Retry_of_failed_records_only_requeues_the_failed_batch_and_the_refused_record()
    {
        await using var api = await TenantServer.StartAsync();
        var id = await JobScenario.CompletedWithErrorsAsync(api.Server, api.Http);

        var result = (await api.Client.Jobs.RetryAsync(id)).Value;

        Assert.Equal(2, result.BatchesQueuedForRetry);
        Assert.Equal((id, JobStatus.Pending, 0L), (result.Job.Id, result.Job.Status, result.Job.FailedRecords));
    }

    [Fact]
    public async Task Retry_of_the_whole_job_starts_it_over_from_no_batches()
    {
        await using var api = await TenantServer.StartAsync();
        var id = await JobScenario.CompletedWithErrorsAsync(api.Server, api.Http);

        var result = (await api.Client.Jobs.RetryAsync(id, failedOnly: false)).Value;

        Assert.Equal((0, JobStatus.Pending, 0L, 0L), (result.BatchesQueuedForRetry, result.Job.Status, result.Job.TotalRecords, result.Job.ProcessedRecords));
        Assert.Equal(0, (await api.Client.Jobs.ListBatchesAsync(id)).Value.Total);
    }
}

using System.Net;
using Freight.Server.Tests.Jobs;

namespace Freight.Client.Tests.Jobs;

public sealed class JobListTests
{
    [Fact]
    public async Task List_reads_one_page_with_its_totals()
    {
        await using var api = await TenantServer.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await api.Client.Jobs.CreateAsync(JobRequests.Valid());
        }

        var page = (await api.Client.Jobs.ListAsync(limit: 2, offset: 1)).Value;

        Assert.Equal((2, 3, 2, 1, false), (page.Items.Count, page.Total, page.Limit, page.Offset, page.HasMore));
    }

    [Fact]
    public async Task List_all_walks_every_page_and_the_status_filter_applies_to_each()
    {
        await using var api = await TenantServer.StartAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await api.Client.Jobs.CreateAsync(JobRequests.Valid())).Value.Id);
        }

        await api.Client.Jobs.CancelAsync(created[0]);
        await api.Client.Jobs.CancelAsync(created[4]);

        var all = await api.Client.Jobs.ListAllAsync(pageSize: 3).ToListAsync();
        var pending = await api.Client.Jobs.ListAllAsync(JobStatus.Pending, pageSize: 2).ToListAsync();
        var cancelled = (await api.Client.Jobs.ListAsync(JobStatus.Cancelled)).Value;

        Assert.Equal(created.Order(), all.Select(job => job.Id).Order());
        Assert.Equal(7, all.Select(job => job.Id).Distinct().Count());
        Assert.Equal(5, pending.Count);
        Assert.All(pending, job => Assert.Equal(JobStatus.Pending, job.Status));
        Assert.Equal(new[] { created[0], created[4] }.Order(), cancelled.Items.Select(job => job.Id).Order());
    }

    [Fact]
    public async Task A_page_size_out_of_range_is_a_422_naming_limit()
    {
        await using var api = await TenantServer.StartAsync();

        var result = await api.Client.Jobs.ListAsync(limit: 0);

        var error = result.FreightError()!;
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "validation_error"), (error.StatusCode, error.Error));
        Assert.Equal("limit", error.Details.Single().Field);
    }

    [Fact]
    public async Task List_all_throws_the_apis_error_when_a_page_fails()
    {
        await using var server = await Freight.Server.Tests.ApiServer.StartAsync();
        using var client = Sdk.Tenant(server, "frt_short");

        var thrown = await Assert.ThrowsAsync<Freight.Http.ApiHttpException>(() => client.Jobs.ListAllAsync().ToListAsync());

        Assert.Equal((HttpStatusCode.Unauthorized, "Invalid API key format"), (thrown.StatusCode, thrown.FreightError().Message));
    }

    [Fact]
    public async Task Batches_logs_and_failures_read_as_pages_and_as_streams_with_their_filters()
    {
        await using var api = await TenantServer.StartAsync();
        var id = await JobScenario.CompletedWithErrorsAsync(api.Server, api.Http);
        var jobs = api.Client.Jobs;

        var batches = (await jobs.ListBatchesAsync(id, limit: 1)).Value;
        var allBatches = await jobs.ListAllBatchesAsync(id, pageSize: 1).ToListAsync();
        var failedBatches = await jobs.ListAllBatchesAsync(id, BatchStatus.Failed).ToListAsync();
        var logs = (await jobs.ListLogsAsync(id)).Value;
        var errors = await jobs.ListAllLogsAsync(id, JobLogLevel.Error, pageSize: 1).ToListAsync();
        var failures = (await jobs.ListFailuresAsync(id, Phase.Companies)).Value;
        var noPeople = await jobs.ListAllFailuresAsync(id, Phase.People).ToListAsync();

        Assert.Equal((1, 2, true), (batches.Items.Count, batches.Total, batches.HasMore));
        Assert.Equal([(Phase.Companies, 1, BatchStatus.Succeeded, 3), (Phase.Companies, 2, BatchStatus.Failed, 2)],
            allBatches.Select(batch => (batch.Phase, batch.Sequence, batch.Status, batch.RecordCount)));
        Assert.Equal("Attio answered 500 three times.", failedBatches.Single().Error);
        Assert.Equal(["Companies started.", "Batch companies#2 failed."], logs.Items.Select(log => log.Message));
        Assert.Equal((JobLogLevel.Error, Phase.Companies, failedBatches[0].Id), (errors.Single().Level, errors[0].Entity, errors[0].BatchId));
        var failure = failures.Items.Single();
        Assert.Equal(("c2", FailureOrigin.Target, "uniqueness_conflict", "The domain is taken.", false),
            (failure.SourceId, failure.Origin, failure.Code, failure.Message, failure.Retryable));
        Assert.Empty(noPeople);
    }

    [Fact]
    public async Task Details_of_an_unknown_job_are_a_404()
    {
        await using var api = await TenantServer.StartAsync();
        var unknown = Guid.NewGuid();

        var batches = await api.Client.Jobs.ListBatchesAsync(unknown);
        var logs = await api.Client.Jobs.ListLogsAsync(unknown);
        var failures = await api.Client.Jobs.ListFailuresAsync(unknown);

        Assert.All<Freight.Http.ApiResult>([batches, logs, failures], result => Assert.Equal($"No job {unknown}.", result.FreightError()!.Message));
        await Assert.ThrowsAsync<Freight.Http.ApiHttpException>(() => api.Client.Jobs.ListAllFailuresAsync(unknown).ToListAsync());
    }
}

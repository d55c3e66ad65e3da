using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Freight.Core.RecordMaps;
using Freight.Core.Tests.Databases;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Jobs;

public abstract class JobRetryTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    private const string Worker = "worker-a";

    [Fact]
    public async Task Retrying_failed_batches_only_requeues_them_with_fresh_attempts_and_uncounts_their_records()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var job = await FinishedWithOneFailedBatchAsync(db);

        var queued = await db.Get<JobStore>().RetryAsync(job.TenantId, job.Id, failedOnly: true);

        Assert.Equal(1, queued);
        var stored = await db.Get<JobStore>().FindAsync(job.TenantId, job.Id);
        Assert.Equal((JobStatus.Pending, null, null), (stored!.Status, stored.StatusReason, stored.CompletedAt));
        Assert.Equal((7L, 4L, 0L), (stored.TotalRecords, stored.ProcessedRecords, stored.FailedRecords));
        var people = stored.Phases.Single(phase => phase.Phase == Phase.People);
        Assert.Equal((PhaseStatus.Pending, "end", 0L, 4L), (people.Status, people.SourceCursor, people.RecordsFailed, people.RecordsWritten));
        var pending = Assert.Single((await db.Get<BatchStore>().ListAsync(job.TenantId, job.Id, BatchStatus.Pending, 0, 10)).Items);
        Assert.Equal((2, 0, null), (pending.Sequence, pending.Attempts, pending.Error));
        Assert.Equal(job.Id, (await db.Get<JobQueue>().ClaimNextAsync("worker-b", TimeSpan.FromMinutes(5)))!.Id);
    }

    [Fact]
    public async Task Retrying_failed_records_only_puts_the_refused_records_of_written_batches_in_new_batches()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var batches = db.Get<BatchStore>();
        var job = await db.ClaimedJobAsync(Worker, [Phase.People]);
        await batches.AppendAsync(job.Id, Worker, Phase.People, new SourcePage([new(5, [1])], "end", IsLast: true));
        var refused = new[]
        {
            new RecordFailure("p-2", FailureOrigin.Target, "validation_type", "Invalid email.", Retryable: false, Payload: """{"id":"p-2"}"""),
            new RecordFailure("p-4", FailureOrigin.Target, "value_not_found", "No such option.", Retryable: false, Payload: """{"id":"p-4"}"""),
        };
        await batches.SucceedAsync((await batches.StartNextAsync(job.Id, Worker, Phase.People))!, Worker, new BatchResult(refused));
        await db.Get<JobStore>().SetPhaseStatusAsync(job.Id, Worker, Phase.People, PhaseStatus.Completed);
        job.Complete(withErrors: true, db.Time.GetUtcNow());
        Assert.True(await db.Get<JobQueue>().FinishAsync(job, Worker));

        var queued = await db.Get<JobStore>().RetryAsync(job.TenantId, job.Id, failedOnly: true);

        Assert.Equal(1, queued);
        var stored = await db.Get<JobStore>().FindAsync(job.TenantId, job.Id);
        Assert.Equal((5L, 3L, 0L), (stored!.TotalRecords, stored.ProcessedRecords, stored.FailedRecords));
        Assert.Equal(PhaseStatus.Pending, stored.Phases.Single(phase => phase.Phase == Phase.People).Status);
        Assert.Equal(0, (await db.Get<FailedRecordStore>().ListAsync(job.TenantId, job.Id, null, 0, 10)).Total);
        var reclaimed = await db.Get<JobQueue>().ClaimNextAsync("worker-b", TimeSpan.FromMinutes(5));
        var retry = (await batches.StartNextAsync(job.Id, "worker-b", Phase.People))!;
        Assert.Equal((2, 2), (retry.Sequence, retry.RecordCount));
        Assert.Equal(["p-2", "p-4"], BatchPayload.Read(retry.Payload!).Select(record => record.SourceId));
        Assert.Equal("""{"id":"p-4"}""", System.Text.Encoding.UTF8.GetString(BatchPayload.Read(retry.Payload!)[1].Payload.Span));
        Assert.Equal(job.Id, reclaimed!.Id);
    }

    [Fact]
    public async Task Retrying_the_whole_job_clears_the_checkpoint_but_keeps_the_record_map()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var job = await FinishedWithOneFailedBatchAsync(db);
        await db.Get<RecordMapStore>().CompleteAsync(job.Id, Phase.People, new Dictionary<string, string> { ["p-1"] = "t-1" });

        var queued = await db.Get<JobStore>().RetryAsync(job.TenantId, job.Id, failedOnly: false);

        Assert.Equal(0, queued);
        var stored = await db.Get<JobStore>().FindAsync(job.TenantId, job.Id);
        Assert.Equal((JobStatus.Pending, 0L, 0L, 0L), (stored!.Status, stored.TotalRecords, stored.ProcessedRecords, stored.FailedRecords));
        Assert.All(stored.Phases, phase => Assert.Equal((PhaseStatus.Pending, null, false, 0L), (phase.Status, phase.SourceCursor, phase.SourceCompleted, phase.RecordsRead)));
        Assert.Equal(0, (await db.Get<BatchStore>().ListAsync(job.TenantId, job.Id, null, 0, 10)).Total);
        Assert.Equal("t-1", (await db.Get<RecordMapStore>().FindAsync(job.Id, Phase.People, ["p-1"]))["p-1"].TargetId);
    }

    [Fact]
    public async Task Only_failed_or_partly_failed_jobs_can_be_retried()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var running = await db.ClaimedJobAsync(Worker);

        var error = await Assert.ThrowsAsync<StateTransitionException>(
            () => db.Get<JobStore>().RetryAsync(running.TenantId, running.Id, failedOnly: true));

        Assert.Equal("The job is running; only failed or completed_with_errors jobs can be retried.", error.Message);
        Assert.Equal(JobStatus.Running, (await db.Get<JobStore>().FindAsync(running.TenantId, running.Id))!.Status);
    }

    // People: batch 1 (4 records) written, batch 2 (3 records) failed; the job completed with errors.
    private static async Task<Job> FinishedWithOneFailedBatchAsync(TestDatabase db)
    {
        var batches = db.Get<BatchStore>();
        var job = await db.ClaimedJobAsync(Worker, [Phase.People]);
        await batches.AppendAsync(job.Id, Worker, Phase.People, new SourcePage([new(4, [1]), new(3, [2])], "end", IsLast: true));
        await batches.SucceedAsync((await batches.StartNextAsync(job.Id, Worker, Phase.People))!, Worker, BatchResult.AllWritten);
        await batches.FailAsync((await batches.StartNextAsync(job.Id, Worker, Phase.People))!, Worker, "503 three times");
        await db.Get<JobStore>().SetPhaseStatusAsync(job.Id, Worker, Phase.People, PhaseStatus.Completed);
        job.Complete(withErrors: true, db.Time.GetUtcNow());
        Assert.True(await db.Get<JobQueue>().FinishAsync(job, Worker));
        return job;
    }
}

public sealed class JobRetrySqliteTests(ITestOutputHelper output) : JobRetryTests(DatabaseProvider.Sqlite, output);

public sealed class JobRetryPostgresTests(ITestOutputHelper output) : JobRetryTests(DatabaseProvider.PostgreSql, output);

using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Freight.Core.Tests.Databases;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Batches;

public abstract class BatchStoreTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    private const string Worker = "worker-a";

    [Fact]
    public async Task Appending_a_page_stores_its_batches_in_sequence_and_moves_the_cursor_past_it()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var batches = db.Get<BatchStore>();
        var job = await db.ClaimedJobAsync(Worker, [Phase.Companies]);

        await batches.AppendAsync(job.Id, Worker, Phase.Companies, new SourcePage([new(2, [1]), new(2, [2])], "cursor-1", IsLast: false));
        var second = await batches.AppendAsync(job.Id, Worker, Phase.Companies, new SourcePage([new(1, [3])], "cursor-2", IsLast: false));
        var afterSecond = await db.Get<JobStore>().FindAsync(job.TenantId, job.Id);
        var empty = await batches.AppendAsync(job.Id, Worker, Phase.Companies, new SourcePage([], null, IsLast: true));

        Assert.Equal(3, second.Single().Sequence);
        Assert.Empty(empty);
        Assert.Equal("cursor-2", afterSecond!.Phases.Single(phase => phase.Phase == Phase.Companies).SourceCursor);
        var stored = await db.Get<JobStore>().FindAsync(job.TenantId, job.Id);
        var companies = stored!.Phases.Single(phase => phase.Phase == Phase.Companies);
        Assert.Equal((null, true, 5L), (companies.SourceCursor, companies.SourceCompleted, companies.RecordsRead));
        Assert.Equal(5, stored.TotalRecords);
        Assert.Equal(afterSecond.Version + 1, stored.Version);
        var listed = await batches.ListAsync(job.TenantId, job.Id, BatchStatus.Pending, 0, 10);
        Assert.Equal([1, 2, 3], listed.Items.Select(batch => batch.Sequence));
        Assert.Equal([2, 2, 1], listed.Items.Select(batch => batch.RecordCount));
    }

    [Fact]
    public async Task Start_next_takes_the_lowest_pending_sequence_of_the_phase_with_its_payload()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var batches = db.Get<BatchStore>();
        var job = await db.ClaimedJobAsync(Worker, [Phase.Companies, Phase.People]);
        await batches.AppendAsync(job.Id, Worker, Phase.People, new SourcePage([new(1, [9])], "p", IsLast: true));
        await batches.AppendAsync(job.Id, Worker, Phase.Companies, new SourcePage([new(1, [1]), new(1, [2])], "c", IsLast: true));

        var first = await batches.StartNextAsync(job.Id, Worker, Phase.Companies);
        var second = await batches.StartNextAsync(job.Id, Worker, Phase.Companies);
        var none = await batches.StartNextAsync(job.Id, Worker, Phase.Companies);

        Assert.Equal((1, BatchStatus.Running, 1), (first!.Sequence, first.Status, first.Attempts));
        Assert.Equal([1], first.Payload);
        Assert.Equal(2, second!.Sequence);
        Assert.Equal([2], second.Payload);
        Assert.Null(none);
        Assert.Equal(db.Time.GetUtcNow(), first.StartedAt);
    }

    [Fact]
    public async Task Concurrent_starters_never_take_the_same_batch()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var batches = db.Get<BatchStore>();
        var job = await db.ClaimedJobAsync(Worker, [Phase.Notes]);
        var page = new SourcePage([.. Enumerable.Range(0, 20).Select(i => new NewBatch(1, [(byte)i]))], null, IsLast: true);
        await batches.AppendAsync(job.Id, Worker, Phase.Notes, page);

        var taken = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var mine = new List<int>();
            while (await batches.StartNextAsync(job.Id, Worker, Phase.Notes) is { } batch)
            {
                mine.Add(batch.Sequence);
            }

            return mine;
        })));

        Assert.Equal(Enumerable.Range(1, 20), taken.SelectMany(mine => mine).Order());
    }

    [Fact]
    public async Task Success_drops_the_payload_stores_the_failed_records_and_counts_the_outcome()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var batches = db.Get<BatchStore>();
        var job = await db.ClaimedJobAsync(Worker, [Phase.People]);
        await batches.AppendAsync(job.Id, Worker, Phase.People, new SourcePage([new(10, [1, 2, 3])], null, IsLast: true));
        var batch = await batches.StartNextAsync(job.Id, Worker, Phase.People);
        var failure = new RecordFailure("person-7", FailureOrigin.Target, "value_not_unique", "email_addresses: taken", Retryable: false, """{"id":7}""");

        await batches.SucceedAsync(batch!, Worker, new BatchResult([failure], Skipped: 2));

        Assert.Null(batch!.Payload);
        Assert.Null(await db.ScalarAsync($"SELECT payload FROM batches WHERE id = {Sql.Id(db, batch.Id)}"));
        Assert.Equal("succeeded", await db.ScalarAsync($"SELECT status FROM batches WHERE id = {Sql.Id(db, batch.Id)}"));
        var stored = await db.Get<JobStore>().FindAsync(job.TenantId, job.Id);
        Assert.Equal((10L, 10L, 1L, 2L), (stored!.TotalRecords, stored.ProcessedRecords, stored.FailedRecords, stored.SkippedRecords));
        Assert.Equal(7, stored.Phases.Single(phase => phase.Phase == Phase.People).RecordsWritten);
        var failed = Assert.Single((await db.Get<FailedRecordStore>().ListAsync(job.TenantId, job.Id, null, 0, 10)).Items);
        Assert.Equal((batch.Id, Phase.People, "person-7", FailureOrigin.Target), (failed.BatchId!.Value, failed.Entity, failed.SourceId, failed.Origin));
        Assert.Equal(("value_not_unique", "email_addresses: taken", false, """{"id":7}"""), (failed.ErrorCode, failed.Message, failed.Retryable, failed.Payload));
    }

    [Fact]
    public async Task Failure_keeps_the_payload_and_counts_every_record_as_failed()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var batches = db.Get<BatchStore>();
        var job = await db.ClaimedJobAsync(Worker, [Phase.Deals]);
        await batches.AppendAsync(job.Id, Worker, Phase.Deals, new SourcePage([new(4, [4, 4])], null, IsLast: true));
        var batch = await batches.StartNextAsync(job.Id, Worker, Phase.Deals);

        await batches.FailAsync(batch!, Worker, "Attio answered 503 on 3 attempts.");

        var listed = Assert.Single((await batches.ListAsync(job.TenantId, job.Id, BatchStatus.Failed, 0, 10)).Items);
        Assert.Equal(("Attio answered 503 on 3 attempts.", db.Time.GetUtcNow()), (listed.Error, listed.CompletedAt));
        Assert.Equal((byte[])[4, 4], await db.ScalarAsync($"SELECT payload FROM batches WHERE id = {Sql.Id(db, batch!.Id)}"));
        var stored = await db.Get<JobStore>().FindAsync(job.TenantId, job.Id);
        Assert.Equal((4L, 4L), (stored!.ProcessedRecords, stored.FailedRecords));
    }

    [Fact]
    public async Task A_requeued_batch_is_taken_again_with_its_attempts_counted()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var batches = db.Get<BatchStore>();
        var job = await db.ClaimedJobAsync(Worker, [Phase.Notes]);
        await batches.AppendAsync(job.Id, Worker, Phase.Notes, new SourcePage([new(1, [1])], null, IsLast: true));
        var batch = await batches.StartNextAsync(job.Id, Worker, Phase.Notes);

        await batches.RequeueAsync(batch!, Worker, "timeout");
        var again = await batches.StartNextAsync(job.Id, Worker, Phase.Notes);

        Assert.Equal((batch!.Id, 2, "timeout"), (again!.Id, again.Attempts, again.Error));
    }

    [Fact]
    public async Task A_batch_another_writer_changed_is_not_overwritten()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var batches = db.Get<BatchStore>();
        var job = await db.ClaimedJobAsync(Worker, [Phase.Notes]);
        await batches.AppendAsync(job.Id, Worker, Phase.Notes, new SourcePage([new(1, [1])], null, IsLast: true));
        var batch = await batches.StartNextAsync(job.Id, Worker, Phase.Notes);
        await batches.RequeueInterruptedAsync(job.Id, Worker);

        await Assert.ThrowsAsync<StateTransitionException>(() => batches.SucceedAsync(batch!, Worker, BatchResult.AllWritten));

        Assert.Equal("pending", await db.ScalarAsync($"SELECT status FROM batches WHERE id = {Sql.Id(db, batch!.Id)}"));
        Assert.Equal(0, (await db.Get<JobStore>().FindAsync(job.TenantId, job.Id))!.ProcessedRecords);
    }

    [Fact]
    public async Task A_batch_sequence_is_unique_per_job_and_phase()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var job = await db.ClaimedJobAsync(Worker, [Phase.Notes]);
        await using var context = db.NewContext();
        context.Batches.Add(Batch.Create(job.Id, Phase.Notes, 1, 1, [1], db.Time.GetUtcNow()));
        context.Batches.Add(Batch.Create(job.Id, Phase.Schema, 1, 1, [1], db.Time.GetUtcNow()));
        await context.SaveChangesAsync();
        context.Batches.Add(Batch.Create(job.Id, Phase.Notes, 1, 1, [2], db.Time.GetUtcNow()));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.True(DatabaseErrors.IsUniqueViolation(error));
    }

    [Fact]
    public async Task Another_tenant_sees_no_batches_and_no_failed_records()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var batches = db.Get<BatchStore>();
        var job = await db.ClaimedJobAsync(Worker, [Phase.People]);
        await batches.AppendAsync(job.Id, Worker, Phase.People, new SourcePage([new(1, [1])], null, IsLast: true));
        var batch = await batches.StartNextAsync(job.Id, Worker, Phase.People);
        await batches.SucceedAsync(batch!, Worker, new BatchResult([new("p-1", FailureOrigin.Mapping, "missing_name", "no name", false)]));
        var stranger = await db.TenantAsync();

        Assert.Equal(0, (await batches.ListAsync(stranger.Id, job.Id, null, 0, 10)).Total);
        Assert.Equal(0, (await db.Get<FailedRecordStore>().ListAsync(stranger.Id, job.Id, null, 0, 10)).Total);
        Assert.Equal(1, (await db.Get<FailedRecordStore>().ListAsync(job.TenantId, job.Id, Phase.People, 0, 10)).Total);
    }
}

public sealed class BatchStoreSqliteTests(ITestOutputHelper output) : BatchStoreTests(DatabaseProvider.Sqlite, output);

public sealed class BatchStorePostgresTests(ITestOutputHelper output) : BatchStoreTests(DatabaseProvider.PostgreSql, output);

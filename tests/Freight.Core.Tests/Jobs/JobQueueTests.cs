using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Freight.Core.Tests.Databases;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Jobs;

public abstract class JobQueueTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Claim_takes_the_oldest_pending_job_and_starts_it()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var tenant = await db.TenantAsync();
        var oldest = await db.JobAsync(tenant.Id);
        db.Time.Advance(TimeSpan.FromSeconds(1));
        await db.JobAsync(tenant.Id);
        db.Time.Advance(TimeSpan.FromSeconds(1));
        var now = db.Time.GetUtcNow();

        var claimed = await db.Get<JobQueue>().ClaimNextAsync("worker-a", Lease);

        Assert.NotNull(claimed);
        Assert.Equal(oldest.Id, claimed.Id);
        Assert.Equal(JobStatus.Running, claimed.Status);
        Assert.Equal("worker-a", claimed.LeaseOwner);
        Assert.Equal(now + Lease, claimed.LeaseExpiresAt);
        Assert.Equal(now, claimed.StartedAt);
        Assert.Equal(Phases.InOrder, claimed.Phases.Select(phase => phase.Phase));
        var stored = await db.Get<JobStore>().FindAsync(tenant.Id, oldest.Id);
        Assert.Equal(JobStatus.Running, stored!.Status);
        Assert.Equal("worker-a", stored.LeaseOwner);
    }

    [Fact]
    public async Task Nothing_is_claimable_while_leases_hold_or_jobs_are_finished()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var queue = db.Get<JobQueue>();
        var held = await db.ClaimedJobAsync("worker-a");
        var finished = await db.ClaimedJobAsync("worker-b");
        finished.Complete(withErrors: false, db.Time.GetUtcNow());
        Assert.True(await queue.FinishAsync(finished, "worker-b"));
        db.Time.Advance(Lease - TimeSpan.FromSeconds(1));

        Assert.Null(await queue.ClaimNextAsync("worker-c", Lease));
        Assert.Equal(0, await queue.CountClaimableAsync());
        Assert.Equal(JobStatus.Running, (await db.Get<JobStore>().FindAsync(held.TenantId, held.Id))!.Status);
    }

    [Fact]
    public async Task Concurrent_claimers_get_each_job_exactly_once()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var tenant = await db.TenantAsync();
        var jobs = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            jobs.Add((await db.JobAsync(tenant.Id)).Id);
        }

        var queue = db.Get<JobQueue>();
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (await queue.ClaimNextAsync($"worker-{worker}", Lease) is { } job)
            {
                mine.Add(job.Id);
            }

            return mine;
        })));

        var all = claims.SelectMany(mine => mine).ToList();
        Assert.Equal(jobs.Count, all.Count);
        Assert.Equal(jobs.Order(), all.Order());
    }

    [Fact]
    public async Task Heartbeat_extends_the_lease_while_the_worker_holds_it()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var queue = db.Get<JobQueue>();
        var job = await db.ClaimedJobAsync("worker-a");
        db.Time.Advance(TimeSpan.FromMinutes(4));

        Assert.True(await queue.HeartbeatAsync(job.Id, "worker-a", Lease));
        db.Time.Advance(TimeSpan.FromMinutes(4));

        Assert.Null(await queue.ClaimNextAsync("worker-b", Lease));
        Assert.False(await queue.HeartbeatAsync(job.Id, "worker-b", Lease));
        var stored = await db.Get<JobStore>().FindAsync(job.TenantId, job.Id);
        Assert.Equal(job.LeaseExpiresAt + TimeSpan.FromMinutes(4), stored!.LeaseExpiresAt);
    }

    [Fact]
    public async Task Heartbeat_after_the_lease_expired_reports_it_lost()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var job = await db.ClaimedJobAsync("worker-a");
        db.Time.Advance(Lease);

        Assert.False(await db.Get<JobQueue>().HeartbeatAsync(job.Id, "worker-a", Lease));
        Assert.Equal(1, await db.Get<JobQueue>().CountClaimableAsync());
    }

    [Fact]
    public async Task After_the_lease_expires_another_worker_claims_the_job_and_resumes_from_its_checkpoint()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var queue = db.Get<JobQueue>();
        var batches = db.Get<BatchStore>();
        var job = await db.ClaimedJobAsync("worker-a", [Phase.Companies]);
        await batches.AppendAsync(job.Id, "worker-a", Phase.Companies, new SourcePage([new(2, [1, 2]), new(3, [3, 4, 5])], "cursor-after-page-1", IsLast: false));
        var interrupted = await batches.StartNextAsync(job.Id, "worker-a", Phase.Companies);
        db.Time.Advance(Lease + TimeSpan.FromSeconds(1));

        var resumed = await queue.ClaimNextAsync("worker-b", Lease);

        Assert.NotNull(resumed);
        Assert.Equal(job.Id, resumed.Id);
        Assert.Equal(JobStatus.Running, resumed.Status);
        Assert.Equal(job.StartedAt, resumed.StartedAt);
        Assert.Equal("cursor-after-page-1", resumed.Phases.Single(phase => phase.Phase == Phase.Companies).SourceCursor);
        Assert.Equal(1, await batches.RequeueInterruptedAsync(job.Id, "worker-b"));
        var retaken = await batches.StartNextAsync(job.Id, "worker-b", Phase.Companies);
        Assert.Equal(interrupted!.Id, retaken!.Id);
        Assert.Equal([1, 2], retaken.Payload);
        Assert.Equal(2, retaken.Attempts);

        // The first worker's late writes are refused, and its lease cannot be renewed.
        await Assert.ThrowsAsync<LeaseLostException>(() => batches.SucceedAsync(interrupted, "worker-a", BatchResult.AllWritten));
        Assert.False(await queue.HeartbeatAsync(job.Id, "worker-a", Lease));
        Assert.True(await queue.HeartbeatAsync(job.Id, "worker-b", Lease));
    }

    [Fact]
    public async Task Finishing_writes_the_outcome_and_ends_the_lease()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var queue = db.Get<JobQueue>();
        var job = await db.ClaimedJobAsync("worker-a");
        db.Time.Advance(TimeSpan.FromMinutes(1));
        job.Fail("Attio rejected the access token (401): issue a new token for the target.", db.Time.GetUtcNow());

        Assert.False(await queue.FinishAsync(job, "worker-b"));
        Assert.True(await queue.FinishAsync(job, "worker-a"));

        var stored = await db.Get<JobStore>().FindAsync(job.TenantId, job.Id);
        Assert.Equal(JobStatus.Failed, stored!.Status);
        Assert.Equal("Attio rejected the access token (401): issue a new token for the target.", stored.StatusReason);
        Assert.Equal(db.Time.GetUtcNow(), stored.CompletedAt);
        Assert.Null(stored.LeaseOwner);
        Assert.Null(stored.LeaseExpiresAt);
        Assert.Null(await queue.ClaimNextAsync("worker-b", Lease));
    }

    [Fact]
    public async Task A_released_job_can_be_claimed_at_once_by_another_worker()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var queue = db.Get<JobQueue>();
        var job = await db.ClaimedJobAsync("worker-a");

        Assert.False(await queue.ReleaseAsync(job.Id, "worker-b"));
        Assert.True(await queue.ReleaseAsync(job.Id, "worker-a"));

        var claimed = await queue.ClaimNextAsync("worker-b", Lease);
        Assert.Equal(job.Id, claimed!.Id);
        Assert.Equal("worker-b", claimed.LeaseOwner);
    }
}

public sealed class JobQueueSqliteTests(ITestOutputHelper output) : JobQueueTests(DatabaseProvider.Sqlite, output);

public sealed class JobQueuePostgresTests(ITestOutputHelper output) : JobQueueTests(DatabaseProvider.PostgreSql, output);

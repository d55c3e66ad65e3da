using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Freight.Core.Tests.Databases;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Jobs;

public abstract class JobStoreTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task Create_stores_a_pending_job_with_schema_and_the_selected_phases_in_dependency_order()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var tenant = await db.TenantAsync();
        var spec = Seed.NewJob(tenant.Id) with
        {
            BatchSize = 250,
            Entities = [Phase.Notes, Phase.Companies],
            DryRun = true,
            RetryPolicy = new RetryPolicy(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)),
        };

        var created = await db.Get<JobStore>().CreateAsync(spec);

        var job = await db.Get<JobStore>().FindAsync(tenant.Id, created.Job.Id);
        Assert.True(created.Created);
        Assert.NotNull(job);
        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Equal(("affinity", "attio", 250, true), (job.SourceSystem, job.TargetSystem, job.BatchSize, job.DryRun));
        Assert.Equal(new RetryPolicy(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), job.RetryPolicy);
        Assert.Equal([Phase.Companies, Phase.Notes], job.Entities);
        Assert.Equal([Phase.Schema, Phase.Companies, Phase.Notes], job.Phases.Select(phase => phase.Phase));
        Assert.All(job.Phases, phase => Assert.Equal((PhaseStatus.Pending, null, false), (phase.Status, phase.SourceCursor, phase.SourceCompleted)));
        Assert.Equal(db.Time.GetUtcNow(), job.CreatedAt);
        Assert.Equal("pending", await db.ScalarAsync($"SELECT status FROM jobs WHERE id = {Sql.Id(db, job.Id)}"));
        Assert.Equal("companies,notes", await db.ScalarAsync($"SELECT entities FROM jobs WHERE id = {Sql.Id(db, job.Id)}"));
    }

    [Fact]
    public async Task Create_with_an_idempotency_key_the_tenant_used_returns_the_existing_job()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var jobs = db.Get<JobStore>();
        var tenant = await db.TenantAsync();
        var other = await db.TenantAsync();
        var first = await jobs.CreateAsync(Seed.NewJob(tenant.Id, "key-1"));

        var replay = await jobs.CreateAsync(Seed.NewJob(tenant.Id, "key-1") with { BatchSize = 500 });
        var otherTenant = await jobs.CreateAsync(Seed.NewJob(other.Id, "key-1"));

        Assert.False(replay.Created);
        Assert.Equal(first.Job.Id, replay.Job.Id);
        Assert.Equal(Job.DefaultBatchSize, replay.Job.BatchSize);
        Assert.Equal("hash-key-1", replay.Job.RequestHash);
        Assert.True(otherTenant.Created);
        Assert.Equal(1, (await jobs.ListAsync(tenant.Id, null, 0, 10)).Total);
    }

    [Fact]
    public async Task Job_of_another_tenant_is_not_found()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var jobs = db.Get<JobStore>();
        var owner = await db.TenantAsync();
        var stranger = await db.TenantAsync();
        var job = await db.JobAsync(owner.Id);

        Assert.Null(await jobs.FindAsync(stranger.Id, job.Id));
        Assert.Null(await jobs.RequestCancelAsync(stranger.Id, job.Id));
        Assert.Null(await jobs.RetryAsync(stranger.Id, job.Id, failedOnly: true));
        Assert.Equal(0, (await jobs.ListAsync(stranger.Id, null, 0, 10)).Total);
        Assert.Equal(JobStatus.Pending, (await jobs.FindAsync(owner.Id, job.Id))!.Status);
    }

    [Fact]
    public async Task List_pages_a_tenants_jobs_newest_first_and_filters_by_status()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var jobs = db.Get<JobStore>();
        var tenant = await db.TenantAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await db.JobAsync(tenant.Id)).Id);
            db.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await jobs.RequestCancelAsync(tenant.Id, created[1]);

        var page = await jobs.ListAsync(tenant.Id, null, offset: 1, limit: 2);
        var cancelled = await jobs.ListAsync(tenant.Id, JobStatus.Cancelled, 0, 10);

        Assert.Equal((5, 1, 2, true), (page.Total, page.Offset, page.Limit, page.HasMore));
        Assert.Equal([created[3], created[2]], page.Items.Select(job => job.Id));
        Assert.Equal([created[1]], cancelled.Items.Select(job => job.Id));
        Assert.False(cancelled.HasMore);
    }

    [Fact]
    public async Task Cancelling_a_pending_job_cancels_it_at_once_and_a_running_one_becomes_cancelling()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var jobs = db.Get<JobStore>();
        var running = await db.ClaimedJobAsync("worker-a");
        var pending = await db.JobAsync(running.TenantId);

        var cancelled = await jobs.RequestCancelAsync(pending.TenantId, pending.Id);
        var cancelling = await jobs.RequestCancelAsync(running.TenantId, running.Id);
        var again = await jobs.RequestCancelAsync(running.TenantId, running.Id);

        Assert.Equal((JobStatus.Cancelled, "Cancelled before it started."), (cancelled!.Status, cancelled.StatusReason));
        Assert.Equal(db.Time.GetUtcNow(), cancelled.CompletedAt);
        Assert.Equal((JobStatus.Cancelling, true, "worker-a"), (cancelling!.Status, cancelling.CancelRequested, cancelling.LeaseOwner));
        Assert.Equal(cancelling.Version, again!.Version);
        var error = await Assert.ThrowsAsync<StateTransitionException>(() => jobs.RequestCancelAsync(pending.TenantId, pending.Id));
        Assert.Equal("The job is cancelled; only pending or running jobs can be cancelled.", error.Message);
    }

    [Fact]
    public async Task Concurrent_progress_updates_lose_no_count()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var jobs = db.Get<JobStore>();
        var job = await db.ClaimedJobAsync("worker-a", [Phase.People]);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await jobs.AddProgressAsync(job.Id, "worker-a", Phase.People, new ProgressDelta(Read: 5, Written: 3, Failed: 1, Skipped: 1));
            }
        })));

        var stored = await jobs.FindAsync(job.TenantId, job.Id);
        Assert.Equal((300L, 300L, 60L, 60L), (stored!.TotalRecords, stored.ProcessedRecords, stored.FailedRecords, stored.SkippedRecords));
        var people = stored.Phases.Single(phase => phase.Phase == Phase.People);
        Assert.Equal((300L, 180L, 60L, 60L), (people.RecordsRead, people.RecordsWritten, people.RecordsFailed, people.RecordsSkipped));
        Assert.Equal(job.Version + 60, stored.Version);
    }

    [Fact]
    public async Task The_version_moves_with_every_visible_change_but_not_with_heartbeats()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var jobs = db.Get<JobStore>();
        var tenant = await db.TenantAsync();
        var created = await db.JobAsync(tenant.Id);
        var claimed = await db.Get<JobQueue>().ClaimNextAsync("worker-a", TimeSpan.FromMinutes(5));
        await db.Get<JobQueue>().HeartbeatAsync(created.Id, "worker-a", TimeSpan.FromMinutes(5));
        var afterHeartbeat = await jobs.FindAsync(tenant.Id, created.Id);
        await jobs.SetPhaseStatusAsync(created.Id, "worker-a", Phase.Schema, PhaseStatus.Running);
        var afterPhase = await jobs.FindAsync(tenant.Id, created.Id);

        Assert.Equal([1L, 2L, 2L, 3L], [created.Version, claimed!.Version, afterHeartbeat!.Version, afterPhase!.Version]);
        Assert.Equal(PhaseStatus.Running, afterPhase.Phases[0].Status);
    }

    [Fact]
    public async Task Engine_writes_without_the_lease_are_refused()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        var jobs = db.Get<JobStore>();
        var job = await db.ClaimedJobAsync("worker-a", [Phase.People]);

        var error = await Assert.ThrowsAsync<LeaseLostException>(
            () => jobs.AddProgressAsync(job.Id, "worker-b", Phase.People, new ProgressDelta(Read: 1)));

        Assert.Equal($"Worker worker-b no longer holds the lease of job {job.Id}.", error.Message);
        Assert.Equal(0, (await jobs.FindAsync(job.TenantId, job.Id))!.TotalRecords);
    }
}

public sealed class JobStoreSqliteTests(ITestOutputHelper output) : JobStoreTests(DatabaseProvider.Sqlite, output);

public sealed class JobStorePostgresTests(ITestOutputHelper output) : JobStoreTests(DatabaseProvider.PostgreSql, output);

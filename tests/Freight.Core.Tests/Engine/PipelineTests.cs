using System.Net.Http.Json;
using System.Text.Json;
using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Freight.Core.Tests.Databases;
using Freight.Sandbox.Dataset;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Engine;

public abstract class PipelineTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    // Attio's record asserts; a fault profile on it with a long latency holds every company write at the target.
    private const string AssertRoute = "PUT /v2/objects/{object}/records";

    [Fact]
    public async Task Batches_are_read_ahead_and_overlap_at_boundaries_and_a_run_stopped_there_resumes_with_every_record_once()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        // 450 companies in batches of 100, 150 write slots: batch 1's records all get one, batch 2 takes the other 50.
        await using var sandbox = await SandboxMigration.StartAsync(db, companies: 450);
        var tenant = await db.TenantAsync();
        var created = await CreateCompaniesJobAsync(db, sandbox, tenant.Id, maxParallelWrites: 150);
        await HoldCompanyWritesAsync(sandbox, hold: true);
        using var stop = new CancellationTokenSource();
        var claimed = await db.Get<JobQueue>().ClaimNextAsync("worker-a", TimeSpan.FromMinutes(5));
        var run = sandbox.Runner("worker-a").RunAsync(claimed!, stop.Token);
        await WaitForBatchesAsync(db, tenant.Id, created.Id, run, batches => batches.Count == 4 && batches.Count(batch => batch.Status == BatchStatus.Running) == 2);
        await stop.CancelAsync();
        await run;

        // Batch 2 started while batch 1's writes were still held; two more batches were stored ahead, and no more.
        var held = await BatchesAsync(db, tenant.Id, created.Id);
        Assert.Equal(
            [(1, BatchStatus.Running), (2, BatchStatus.Running), (3, BatchStatus.Pending), (4, BatchStatus.Pending)],
            held.Select(batch => (batch.Sequence, batch.Status)));
        var phase = await PhaseAsync(db, created.Id);
        Assert.Equal((400L, false), (phase.RecordsRead, phase.SourceCompleted));
        Assert.Equal(0, (await sandbox.CountsAsync()).GetProperty("records").GetProperty("companies").GetInt64());

        await HoldCompanyWritesAsync(sandbox, hold: false);
        var job = await sandbox.RunNextAsync("worker-b");

        // The source was read on from the cursor after batch 4: five batches in all, each written once; Attio refuses only
        // the companies the dataset gave an option their field does not define.
        var refused = sandbox.Data.Summarize().ExpectedRejections.UnknownDropdownOption;
        var batches = await BatchesAsync(db, tenant.Id, job.Id);
        Assert.True(refused > 0);
        Assert.Equal(JobStatus.CompletedWithErrors, job.Status);
        Assert.Equal((450L, 450L, refused), (job.TotalRecords, job.ProcessedRecords, job.FailedRecords));
        Assert.Equal([1, 2, 3, 4, 5], batches.Select(batch => batch.Sequence));
        Assert.All(batches, batch => Assert.Equal(BatchStatus.Succeeded, batch.Status));
        Assert.Equal(450 - refused, (await sandbox.CountsAsync()).GetProperty("records").GetProperty("companies").GetInt64());
        Assert.Equal(0, (await sandbox.DuplicatesAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_next_phase_reads_and_starts_writing_while_the_last_records_of_the_one_before_are_written()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        // 150 companies in batches of 100 and 300 write slots: every company write is at the target (and held there),
        // so the companies phase has read its source and started every record, and the people phase may go on.
        await using var sandbox = await SandboxMigration.StartAsync(db, companies: 150);
        var tenant = await db.TenantAsync();
        var created = await CreateCompaniesJobAsync(db, sandbox, tenant.Id, maxParallelWrites: 300, Phase.Companies, Phase.People);
        await HoldCompanyWritesAsync(sandbox, hold: true);
        using var stop = new CancellationTokenSource();
        var claimed = await db.Get<JobQueue>().ClaimNextAsync("worker-a", TimeSpan.FromMinutes(5));
        var run = sandbox.Runner("worker-a").RunAsync(claimed!, stop.Token);
        var held = await WaitForBatchesAsync(db, tenant.Id, created.Id, run, batches =>
            batches.Count(batch => batch is { Phase: Phase.Companies, Status: BatchStatus.Running }) == 2
            && batches.Any(batch => batch is { Phase: Phase.People, Status: BatchStatus.Running }));
        await stop.CancelAsync();
        await run;

        // People were read, stored and taken while no company write had finished.
        Assert.Equal(2, held.Count(batch => batch.Phase == Phase.Companies));
        Assert.Contains(held, batch => batch.Phase == Phase.People);
        Assert.Equal(0, (await sandbox.CountsAsync()).GetProperty("records").GetProperty("companies").GetInt64());

        await HoldCompanyWritesAsync(sandbox, hold: false);
        var job = await sandbox.RunNextAsync("worker-b");

        // Each person met its company as it would after the whole companies phase: the refusals are the dataset's.
        var expected = ExpectedOutcome.Of(sandbox.Data);
        var refused = expected.Refusals.Count(refusal => refusal.ObjectName is "companies" or "people");
        var counts = (await sandbox.CountsAsync()).GetProperty("records");
        Assert.Equal(JobStatus.CompletedWithErrors, job.Status);
        Assert.Equal((600L, 600L, (long)refused), (job.TotalRecords, job.ProcessedRecords, job.FailedRecords));
        Assert.Equal((expected.Companies, expected.People), (counts.GetProperty("companies").GetInt64(), counts.GetProperty("people").GetInt64()));
        Assert.Equal(0, (await sandbox.DuplicatesAsync()).GetProperty("total").GetInt32());
    }

    private static async Task<Job> CreateCompaniesJobAsync(
        TestDatabase db, SandboxMigration sandbox, Guid tenantId, int maxParallelWrites, params Phase[] entities)
    {
        var creation = await db.Get<JobStore>().CreateAsync(new NewJob
        {
            TenantId = tenantId,
            SourceSystem = "affinity",
            TargetSystem = "attio",
            SourceConfig = JsonSerializer.Serialize(new
            {
                api_key = sandbox.Affinity.ApiKey,
                base_url = sandbox.Affinity.BaseAddress.ToString().TrimEnd('/'),
                requests_per_minute = 100_000,
            }),
            TargetConfig = JsonSerializer.Serialize(new
            {
                api_key = sandbox.Attio.ApiKey,
                base_url = sandbox.Attio.BaseAddress.ToString().TrimEnd('/'),
                writes_per_second = 25_000,
                reads_per_second = 100_000,
                max_parallel_writes = maxParallelWrites,
            }),
            BatchSize = 100,
            Entities = entities.Length == 0 ? [Phase.Companies] : entities,
        });
        return creation.Job;
    }

    private static async Task HoldCompanyWritesAsync(SandboxMigration sandbox, bool hold)
    {
        object faults = hold ? new { routes = new Dictionary<string, object> { [AssertRoute] = new { latency_ms = 600_000 } } } : new { };
        using var answer = await sandbox.AttioClient.PutAsJsonAsync("_sandbox/faults", faults);
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
    }

    /// <summary>Polls the job's batches until <paramref name="reached"/> holds (10 s at most), and returns them in sequence.</summary>
    private static async Task<List<BatchSummary>> WaitForBatchesAsync(
        TestDatabase db, Guid tenantId, Guid jobId, Task run, Func<List<BatchSummary>, bool> reached)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var batches = await BatchesAsync(db, tenantId, jobId);
            if (reached(batches))
            {
                return batches;
            }

            Assert.False(run.IsCompleted, "The run ended before the batches reached the expected state.");
            Assert.True(DateTime.UtcNow < deadline, $"Batches never reached the expected state: {string.Join(", ", batches.Select(batch => $"{batch.Sequence} {batch.Status}"))}");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private static async Task<List<BatchSummary>> BatchesAsync(TestDatabase db, Guid tenantId, Guid jobId) =>
        [.. (await db.Get<BatchStore>().ListAsync(tenantId, jobId, null, 0, 100)).Items.OrderBy(batch => batch.Sequence)];

    private static async Task<JobPhase> PhaseAsync(TestDatabase db, Guid jobId)
    {
        await using var context = db.NewContext();
        return context.JobPhases.Single(row => row.JobId == jobId && row.Phase == Phase.Companies);
    }
}

public sealed class PipelineSqliteTests(ITestOutputHelper output) : PipelineTests(DatabaseProvider.Sqlite, output);

public sealed class PipelinePostgresTests(ITestOutputHelper output) : PipelineTests(DatabaseProvider.PostgreSql, output);

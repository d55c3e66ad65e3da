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

public abstract class MigrationTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task A_10000_record_migration_ends_with_exactly_the_records_that_map_and_the_refused_ones_listed_with_attio_reasons()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        await using var sandbox = await SandboxMigration.StartAsync(db, SandboxDataset.ForRecordCount(seed: 5, records: 10_000));
        var tenant = await db.TenantAsync();
        await sandbox.CreateJobAsync(tenant.Id, batchSize: 1000);
        var expected = ExpectedOutcome.Of(sandbox.Data);

        var job = await sandbox.RunNextAsync();

        var failures = await sandbox.FailuresAsync(job);
        var counts = await sandbox.CountsAsync();
        Output.WriteLine($"{sandbox.Data.Counts}; {counts}");
        Output.WriteLine(string.Join(Environment.NewLine, failures.GroupBy(f => (f.Entity, f.ErrorCode)).Select(g => $"{g.Key}: {g.Count()}")));
        Assert.Equal(
            expected.Refusals.Select(f => f.ToString()),
            failures.Select(f => new TargetRefusal(ObjectName(f.Entity), f.SourceId, f.ErrorCode).ToString()).Order(StringComparer.Ordinal));
        Assert.All(failures, failure => Assert.Equal(FailureOrigin.Target, failure.Origin));
        Assert.All(failures, failure => Assert.False(string.IsNullOrWhiteSpace(failure.Message)));
        var records = counts.GetProperty("records");
        Assert.Equal(
            (expected.Companies, expected.People, expected.Deals, expected.Notes, expected.Entries),
            (records.GetProperty("companies").GetInt64(), records.GetProperty("people").GetInt64(), records.GetProperty("deals").GetInt64(),
                counts.GetProperty("notes").GetProperty("total").GetInt64(), counts.GetProperty("entries").EnumerateObject().Sum(o => o.Value.GetInt64())));
        Assert.Equal(JobStatus.CompletedWithErrors, job.Status);
        var written = expected.Companies + expected.People + expected.Deals + expected.Notes + expected.Entries;
        Assert.Equal((written + failures.Count, written + failures.Count, failures.Count, 0L),
            (job.TotalRecords, job.ProcessedRecords, job.FailedRecords, job.SkippedRecords));
        Assert.All(job.Phases.Where(phase => phase.Phase != Phase.Schema), phase => Assert.Equal(
            (PhaseStatus.Completed, phase.RecordsRead - phase.RecordsFailed, (long)failures.Count(f => f.Entity == phase.Phase)),
            (phase.Status, phase.RecordsWritten, phase.RecordsFailed)));
        Assert.Equal(0, (await sandbox.DuplicatesAsync()).GetProperty("total").GetInt32());
    }

    /// <summary>The phase as the API and <see cref="ExpectedOutcome"/> name it: <c>ListEntries</c> is <c>list_entries</c>.</summary>
    private static string ObjectName(Phase phase) => JsonNamingPolicy.SnakeCaseLower.ConvertName(phase.ToString());
}

public abstract class ResumeTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Theory]
    [InlineData(60)]
    [InlineData(150)]
    public async Task A_migration_stopped_part_way_and_resumed_by_another_worker_ends_like_an_uninterrupted_one(int stopAfterTargetRequests)
    {
        await using var db = await OpenAsync();
        await using var otherDb = await OpenAsync();
        if (db is null || otherDb is null)
        {
            return;
        }

        await using var uninterrupted = await SandboxMigration.StartAsync(otherDb, companies: 20);
        await uninterrupted.CreateJobAsync((await otherDb.TenantAsync()).Id);
        var reference = await uninterrupted.OutcomeAsync(await uninterrupted.RunNextAsync());
        await using var sandbox = await SandboxMigration.StartAsync(db, companies: 20);
        await sandbox.CreateJobAsync((await db.TenantAsync()).Id);

        await sandbox.StopPartWayAsync("worker-a", stopAfterTargetRequests);
        var job = await sandbox.RunNextAsync("worker-b");

        Assert.Equal(JobStatus.CompletedWithErrors, job.Status);
        Assert.Equal(job.TotalRecords, job.ProcessedRecords);
        var outcome = await sandbox.OutcomeAsync(job);
        Assert.Equal(reference.Counts, outcome.Counts);
        Assert.Equal(reference.Failures, outcome.Failures);
        Assert.Equal(0, (await sandbox.DuplicatesAsync()).GetProperty("total").GetInt32());
    }
}

public abstract class CancelAndDryRunTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task Cancelling_a_running_job_stops_it_with_no_batch_left_running()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        await using var sandbox = await SandboxMigration.StartAsync(db, companies: 20);
        var tenant = await db.TenantAsync();
        var created = await sandbox.CreateJobAsync(tenant.Id);

        var job = await sandbox.RunUntilAsync(
            "worker-a",
            60,
            async () => Assert.Equal(JobStatus.Cancelling, (await db.Get<JobStore>().RequestCancelAsync(tenant.Id, created.Id))!.Status),
            CancellationToken.None);

        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.True(job.ProcessedRecords < sandbox.Data.Counts.Records);
        Assert.Equal(0, (await db.Get<BatchStore>().ListAsync(tenant.Id, job.Id, BatchStatus.Running, 0, 10)).Total);
        Assert.Null(await db.Get<JobQueue>().ClaimNextAsync("worker-b", TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_dry_run_reads_everything_and_writes_nothing()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        await using var sandbox = await SandboxMigration.StartAsync(db, companies: 20);
        var tenant = await db.TenantAsync();
        await sandbox.CreateJobAsync(tenant.Id, dryRun: true);

        var job = await sandbox.RunNextAsync();

        var counts = await sandbox.CountsAsync();
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal((job.TotalRecords, job.TotalRecords, 0L), (job.ProcessedRecords, job.SkippedRecords, job.FailedRecords));
        Assert.True(job.TotalRecords >= sandbox.Data.Counts.Records);
        Assert.All(counts.GetProperty("records").EnumerateObject(), o => Assert.Equal(0, o.Value.GetInt64()));
        Assert.Equal(0, counts.GetProperty("notes").GetProperty("total").GetInt64());
        var requests = await sandbox.AttioClient.GetFromJsonAsync<JsonElement>("_sandbox/requests");
        Assert.Equal(0, requests.GetProperty("total").GetInt64());
    }
}

public sealed class CancelAndDryRunSqliteTests(ITestOutputHelper output) : CancelAndDryRunTests(DatabaseProvider.Sqlite, output);

public sealed class CancelAndDryRunPostgresTests(ITestOutputHelper output) : CancelAndDryRunTests(DatabaseProvider.PostgreSql, output);

public abstract class RetryTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task Retrying_failed_records_after_the_cause_is_fixed_moves_exactly_those_records()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        await using var sandbox = await SandboxMigration.StartAsync(db, companies: 20);
        var tenant = await db.TenantAsync();
        await sandbox.CreateJobAsync(tenant.Id);
        var first = await sandbox.RunNextAsync();
        var before = await sandbox.OutcomeAsync(first);
        var notesBefore = (await sandbox.CountsAsync()).GetProperty("notes").GetProperty("total").GetInt64();
        // The notes on a person the source does not have failed: the cause is fixed by creating that person in Attio.
        // (Notes on a refused deal fail too, and stay failed: their cause is the deal's.)
        var orphanNotes = before.Failures
            .Where(failure => failure.StartsWith("Notes ", StringComparison.Ordinal) && failure.Contains(":people:", StringComparison.Ordinal))
            .ToList();
        foreach (var person in orphanNotes.Select(failure => failure.Split(' ')[1].Split(':')[2]).Distinct())
        {
            using var created = await sandbox.AttioClient.PostAsJsonAsync(
                "v2/objects/people/records", new { data = new { values = new { affinity_id = person, name = "Added, Later" } } });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var queued = await db.Get<JobStore>().RetryAsync(tenant.Id, first.Id, failedOnly: true);
        var second = await sandbox.RunNextAsync();

        var after = await sandbox.OutcomeAsync(second);
        Assert.NotEmpty(orphanNotes);
        Assert.True(queued > 0);
        Assert.Equal(JobStatus.CompletedWithErrors, second.Status);
        Assert.Equal(before.Failures.Except(orphanNotes), after.Failures);
        Assert.Equal(notesBefore + orphanNotes.Count, (await sandbox.CountsAsync()).GetProperty("notes").GetProperty("total").GetInt64());
        Assert.Equal((second.TotalRecords, first.TotalRecords - first.FailedRecords + orphanNotes.Count), (second.ProcessedRecords, second.ProcessedRecords - second.FailedRecords));
        Assert.Equal(0, (await sandbox.DuplicatesAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Retrying_a_whole_job_reads_and_writes_everything_again_and_the_target_ends_the_same()
    {
        await using var db = await OpenAsync();
        if (db is null)
        {
            return;
        }

        await using var sandbox = await SandboxMigration.StartAsync(db, companies: 20);
        var tenant = await db.TenantAsync();
        await sandbox.CreateJobAsync(tenant.Id);
        var first = await sandbox.RunNextAsync();
        var before = await sandbox.OutcomeAsync(first);

        var queued = await db.Get<JobStore>().RetryAsync(tenant.Id, first.Id, failedOnly: false);
        var second = await sandbox.RunNextAsync();

        Assert.Equal(0, queued);
        Assert.Equal(JobStatus.CompletedWithErrors, second.Status);
        Assert.Equal((first.TotalRecords, first.ProcessedRecords, first.FailedRecords), (second.TotalRecords, second.ProcessedRecords, second.FailedRecords));
        var after = await sandbox.OutcomeAsync(second);
        Assert.Equal(before.Counts, after.Counts);
        Assert.Equal(before.Failures, after.Failures);
        Assert.Equal(0, (await sandbox.DuplicatesAsync()).GetProperty("total").GetInt32());
    }
}

public sealed class RetrySqliteTests(ITestOutputHelper output) : RetryTests(DatabaseProvider.Sqlite, output);

public sealed class RetryPostgresTests(ITestOutputHelper output) : RetryTests(DatabaseProvider.PostgreSql, output);

public abstract class FaultTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    [Fact]
    public async Task Transient_faults_on_both_sides_change_nothing_in_the_outcome_and_fail_no_record()
    {
        await using var db = await OpenAsync();
        await using var otherDb = await OpenAsync();
        if (db is null || otherDb is null)
        {
            return;
        }

        await using var calm = await SandboxMigration.StartAsync(otherDb, companies: 20);
        await calm.CreateJobAsync((await otherDb.TenantAsync()).Id);
        var calmJob = await calm.RunNextAsync();
        var reference = await calm.OutcomeAsync(calmJob);
        await using var faulty = await SandboxMigration.StartAsync(db, companies: 20, SandboxMigration.TransientFaults);
        await faulty.CreateJobAsync((await db.TenantAsync()).Id);

        var job = await faulty.RunNextAsync();

        var outcome = await faulty.OutcomeAsync(job);
        Assert.Equal(JobStatus.CompletedWithErrors, job.Status);
        Assert.Equal(reference.Counts, outcome.Counts);
        Assert.Equal(reference.Failures, outcome.Failures);
        Assert.Equal((calmJob.TotalRecords, calmJob.ProcessedRecords, calmJob.FailedRecords), (job.TotalRecords, job.ProcessedRecords, job.FailedRecords));
        Assert.Equal(0, (await faulty.DuplicatesAsync()).GetProperty("total").GetInt32());
        var injected = new Dictionary<string, long>();
        foreach (var client in new[] { faulty.AttioClient, faulty.AffinityClient })
        {
            var faults = (await client.GetFromJsonAsync<JsonElement>("_sandbox/requests")).GetProperty("faults");
            Output.WriteLine(faults.ToString());
            foreach (var kind in faults.GetProperty("by_kind").EnumerateObject())
            {
                injected[kind.Name] = injected.GetValueOrDefault(kind.Name) + kind.Value.GetInt64();
            }
        }

        Assert.All(new[] { "server_error", "rate_limit", "dropped_before_processing", "dropped_after_processing" },
            kind => Assert.True(injected[kind] > 0, $"No {kind} was injected."));
    }
}

public sealed class FaultSqliteTests(ITestOutputHelper output) : FaultTests(DatabaseProvider.Sqlite, output);

public sealed class FaultPostgresTests(ITestOutputHelper output) : FaultTests(DatabaseProvider.PostgreSql, output);

public sealed class ResumeSqliteTests(ITestOutputHelper output) : ResumeTests(DatabaseProvider.Sqlite, output);

public sealed class ResumePostgresTests(ITestOutputHelper output) : ResumeTests(DatabaseProvider.PostgreSql, output);

public sealed class MigrationSqliteTests(ITestOutputHelper output) : MigrationTests(DatabaseProvider.Sqlite, output);

public sealed class MigrationPostgresTests(ITestOutputHelper output) : MigrationTests(DatabaseProvider.PostgreSql, output);

using System.Net.Http.Json;
using System.Text.Json;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Freight.Core.Tests.Databases;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Engine;

public abstract class WorkerProcessTests(DatabaseProvider provider, ITestOutputHelper output) : DatabaseTests(provider, output)
{
    // A real-time safety net for real processes on a loaded machine, not a measurement.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    // Where each worker dies: in the schema phase; in the people phase, its first batch done and the second in
    // flight; in the notes phase. Each time once the target has answered a few more requests.
    private static readonly (Phase Phase, long RecordsDone)[] KillPoints = [(Phase.Schema, 0), (Phase.People, 100), (Phase.Notes, 0)];

    [Fact]
    public async Task A_worker_killed_with_SIGKILL_at_several_points_and_restarted_ends_like_an_uninterrupted_run()
    {
        await using var db = await OpenAsync();
        await using var otherDb = await OpenAsync();
        if (db is null || otherDb is null)
        {
            return;
        }

        await using var uninterrupted = await SandboxMigration.StartAsync(otherDb, companies: 60);
        var referenceJob = await uninterrupted.CreateJobAsync((await otherDb.TenantAsync()).Id);
        using (WorkerProcess.Start(otherDb, "reference", Output))
        {
            referenceJob = await WaitForEndAsync(otherDb, referenceJob);
        }

        var reference = await uninterrupted.OutcomeAsync(referenceJob);
        var referenceRequests = await TargetRequestsAsync(uninterrupted);
        Output.WriteLine($"uninterrupted: {referenceRequests} target requests, {Counters(referenceJob)}");

        await using var sandbox = await SandboxMigration.StartAsync(db, companies: 60);
        var job = await sandbox.CreateJobAsync((await db.TenantAsync()).Id);
        var kills = new List<string>();
        foreach (var (phase, recordsDone) in KillPoints)
        {
            using var worker = WorkerProcess.Start(db, $"worker-{kills.Count + 1}", Output);
            await WaitUntilAsync(worker, async () => (await db.Get<JobStore>().FindAsync(job.TenantId, job.Id))!.Phases
                .Any(p => p.Phase == phase && p.Status == PhaseStatus.Running && p.RecordsWritten + p.RecordsFailed >= recordsDone));
            var killAt = await TargetRequestsAsync(sandbox) + 5;
            await WaitUntilAsync(worker, async () => await TargetRequestsAsync(sandbox) >= killAt);
            await worker.KillAsync();
            var state = await db.Get<JobStore>().FindAsync(job.TenantId, job.Id);
            kills.Add($"{worker.WorkerId} killed in {phase} after {await TargetRequestsAsync(sandbox)} target requests: {state!.Status}, {Counters(state)}");
        }

        using (WorkerProcess.Start(db, "worker-last", Output))
        {
            job = await WaitForEndAsync(db, job);
        }

        Output.WriteLine(string.Join(Environment.NewLine, kills));
        Assert.All(kills, kill => Assert.Contains(": Running", kill, StringComparison.Ordinal));
        Assert.Equal(JobStatus.CompletedWithErrors, job.Status);
        Assert.Equal(Counters(referenceJob), Counters(job));
        var outcome = await sandbox.OutcomeAsync(job);
        Assert.Equal(reference.Counts, outcome.Counts);
        Assert.Equal(reference.Failures, outcome.Failures);
        Assert.Equal(0, (await sandbox.DuplicatesAsync()).GetProperty("total").GetInt32());
    }

    /// <summary>The job's counters and each phase's, which must not depend on how often its worker died.</summary>
    private static string Counters(Job job) =>
        $"total {job.TotalRecords}, processed {job.ProcessedRecords}, failed {job.FailedRecords}, skipped {job.SkippedRecords}; "
        + string.Join("; ", job.Phases.OrderBy(p => p.Phase).Select(p =>
            $"{p.Phase} {p.Status} read {p.RecordsRead} written {p.RecordsWritten} failed {p.RecordsFailed} skipped {p.RecordsSkipped}"));

    private static async Task<long> TargetRequestsAsync(SandboxMigration sandbox) =>
        (await sandbox.AttioClient.GetFromJsonAsync<JsonElement>("_sandbox/requests")).GetProperty("total").GetInt64();

    private static async Task WaitUntilAsync(WorkerProcess worker, Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            Assert.False(worker.Process.HasExited, $"{worker.WorkerId} exited with {(worker.Process.HasExited ? worker.Process.ExitCode : 0)}.");
            await Task.Delay(TimeSpan.FromMilliseconds(10), patience.Token);
        }
    }

    private static async Task<Job> WaitForEndAsync(TestDatabase db, Job job)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            var state = await db.Get<JobStore>().FindAsync(job.TenantId, job.Id, patience.Token);
            if (state!.IsFinished)
            {
                return state;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), patience.Token);
        }
    }
}

public sealed class WorkerProcessSqliteTests(ITestOutputHelper output) : WorkerProcessTests(DatabaseProvider.Sqlite, output);

public sealed class WorkerProcessPostgresTests(ITestOutputHelper output) : WorkerProcessTests(DatabaseProvider.PostgreSql, output);

using System.Diagnostics;
using System.Globalization;
using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Logs;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Migration.Benchmarks;

/// <summary>
/// One measured migration: the sandbox in its own process, the engine in this one, the job from start to end, then the
/// bound the target's write limit sets, the ratio to it, this process's memory, and a check of the outcome.
/// </summary>
internal static class MigrationBenchmark
{
    public static async Task<int> RunAsync(BenchmarkSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"migration benchmark: {settings.Describe()}");
        await output.WriteLineAsync($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load {Load()}");
        await using var sandbox = await SandboxProcess.StartAsync(settings, cancellationToken);
        using var inspection = new SandboxInspection(sandbox);
        if (settings.Faults.Profile is { } profile)
        {
            await inspection.SetFaultsAsync(profile, cancellationToken);
        }

        await output.WriteLineAsync($"sandbox: pid {sandbox.ProcessId}, affinity {sandbox.Affinity.BaseAddress}, attio {sandbox.Attio.BaseAddress}");
        await output.WriteLineAsync($"faults (attio default profile): {(await inspection.AttioAsync("_sandbox/faults", cancellationToken)).GetProperty("default")}");

        await using var database = await BenchDatabase.CreateAsync(settings.Database, cancellationToken);
        using var engine = new EngineRun(database);
        var job = await engine.CreateJobAsync(settings, sandbox, cancellationToken);
        var timeline = new WriteTimeline(inspection, settings.WritesPerSecond);
        var clock = Stopwatch.StartNew();
        MemoryReport memory;
        await using (var sampler = new MemorySampler())
        {
            job = await engine.RunUntilFinishedAsync(job, current => timeline.SampleAsync(current, cancellationToken), cancellationToken);
            memory = await sampler.StopAsync();
        }

        var observed = clock.Elapsed;
        var finished = timeline.Elapsed;
        var attio = await inspection.AttioRequestsAsync(cancellationToken);
        var affinity = await inspection.AffinityRequestsAsync(cancellationToken);
        var outcome = await Outcome.CheckAsync(job, engine.Services.GetRequiredService<FailedRecordStore>(), inspection, cancellationToken);

        var wall = (job.CompletedAt - job.StartedAt) ?? observed;
        var writeBound = TimeSpan.FromSeconds(attio.Writes / (double)settings.WritesPerSecond);
        var readBound = TimeSpan.FromSeconds(attio.Reads / (double)settings.ReadsPerSecond);
        var affinityBound = TimeSpan.FromSeconds(affinity.Reads / (settings.AffinityRequestsPerMinute / 60.0));
        var bound = new[] { writeBound, readBound, affinityBound }.Max();

        await output.WriteLineAsync();
        await output.WriteLineAsync("timeline (each sample, about every second):");
        foreach (var line in timeline.Lines(every: 1))
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync($"seconds under half the write limit, by phase: {string.Join(", ", timeline.SlowSecondsByPhase().Select(pair => Invariant($"{pair.Key} {pair.Value:F0} s")))}");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"job: {job.Status}, total {job.TotalRecords}, processed {job.ProcessedRecords}, failed {job.FailedRecords}, skipped {job.SkippedRecords}");
        await output.WriteLineAsync("phases: " + string.Join(", ", job.Phases.OrderBy(row => row.Phase).Select(row =>
            $"{row.Phase} read {row.RecordsRead} written {row.RecordsWritten} failed {row.RecordsFailed}")));
        var requeued = await RequeuedBatchesAsync(engine, job, cancellationToken);
        await output.WriteLineAsync($"batches queued again (a record kept failing transiently): {requeued.Count}");
        foreach (var message in requeued.Take(5))
        {
            await output.WriteLineAsync($"  {message}");
        }

        foreach (var line in outcome.Lines)
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync($"attio requests: {attio.Total} in all, {attio.Faults} faults injected, {attio.RateLimited} answered 429; budget used: {attio.Writes} writes, {attio.Reads} reads");
        var attemptsBound = TimeSpan.FromSeconds(attio.WriteAttempts / (double)settings.WritesPerSecond);
        await output.WriteLineAsync(Invariant(
            $"attio write attempts: {attio.WriteAttempts} (every request on a write route, faulted and refused ones included), ")
            + Invariant($"{(double)attio.WriteAttempts / attio.Writes:F3} per write that used the budget; attempts bound {attemptsBound.TotalSeconds:F1} s, ratio {wall / attemptsBound:F3}×"));
        await output.WriteLineAsync($"affinity requests: {affinity.Total} in all, {affinity.Faults} faults injected, {affinity.RateLimited} answered 429; budget used: {affinity.Reads}");
        await output.WriteLineAsync();
        await output.WriteLineAsync("| records | faults | speed | writes in flight | wall (job) | Attio writes | write bound | ratio | Attio reads | read bound | Affinity requests | Affinity bound | peak working set | max sampled heap | allocated |");
        await output.WriteLineAsync("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        await output.WriteLineAsync(Invariant(
            $"| {settings.Records:N0} | {settings.Faults.Name} | {settings.Speed} | {settings.MaxParallelWrites} | {wall.TotalSeconds:F1} s | {attio.Writes:N0} | {writeBound.TotalSeconds:F1} s | ")
            + Invariant($"**{wall / writeBound:F3}×** | {attio.Reads:N0} | {readBound.TotalSeconds:F1} s | {affinity.Reads:N0} | {affinityBound.TotalSeconds:F1} s | ")
            + Invariant($"{Mb(memory.PeakWorkingSet)} | {Mb(memory.MaxSampledHeap)} | {Mb(memory.Allocated)} |"));
        await output.WriteLineAsync();
        await output.WriteLineAsync(Invariant(
            $"wall / largest bound ({bound.TotalSeconds:F1} s): {wall / bound:F3}×; observed by the benchmark {observed.TotalSeconds:F1} s; ")
            + Invariant($"working set at job start {Mb(memory.StartWorkingSet)}, max sampled {Mb(memory.MaxSampledWorkingSet)}, OS peak {Mb(memory.PeakWorkingSet)}; ")
            + Invariant($"heap at end {Mb(memory.HeapAtEnd)}; GCs {memory.Gen0}/{memory.Gen1}/{memory.Gen2}; {memory.Samples} samples; load {Load()}"));

        if (timeline.RecordsStarted is { } start)
        {
            // The schema phase is a fixed cost (about a hundred sequential requests); the record phases are the engine's pipeline.
            var recordsWall = finished - start.At;
            var recordsBound = TimeSpan.FromSeconds((attio.Writes - start.Writes) / (double)settings.WritesPerSecond);
            await output.WriteLineAsync(Invariant(
                $"record phases alone: {recordsWall.TotalSeconds:F1} s from the end of the schema phase ({start.At.TotalSeconds:F1} s after the worker started), ")
                + Invariant($"{attio.Writes - start.Writes} writes, bound {recordsBound.TotalSeconds:F1} s, ratio {recordsWall / recordsBound:F3}×"));
        }

        if (!outcome.Holds)
        {
            await output.WriteLineAsync("FAILED: the migration's outcome is wrong, so its time means nothing:");
            foreach (var problem in outcome.Problems)
            {
                await output.WriteLineAsync($"  - {problem}");
            }

            return 1;
        }

        await output.WriteLineAsync("outcome: as expected (completed_with_errors, the dataset's rejections, no duplicate)");
        return 0;
    }

    private static string Mb(long bytes) => Invariant($"{bytes / 1024.0 / 1024.0:F0} MB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The job log's lines for batches a record's transient failures sent back to the queue.</summary>
    private static async Task<List<string>> RequeuedBatchesAsync(EngineRun engine, Job job, CancellationToken cancellationToken)
    {
        var logs = engine.Services.GetRequiredService<JobLogStore>();
        var requeued = new List<string>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await logs.ListAsync(job.TenantId, job.Id, JobLogLevel.Warning, offset, PageSize, cancellationToken);
            requeued.AddRange(page.Items.Select(log => log.Message).Where(message => message.EndsWith("queued again.", StringComparison.Ordinal)));
            if (offset + PageSize >= page.Total)
            {
                return requeued;
            }
        }
    }

    private const int PageSize = 100;
}

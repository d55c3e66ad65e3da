using System.Net.Http.Json;
using System.Text.Json;
using Freight.Sandbox.Faults;
using Freight.Sandbox.Hosting;

namespace Freight.Cli.Tests;

/// <summary><c>freight migrate</c>: the engine in the CLI's own process over a local SQLite file, against the simulators.</summary>
public sealed class MigrateTests
{
    [Fact]
    public async Task Migrate_runs_to_the_end_and_prints_a_summary()
    {
        await using var sandboxes = await Sandboxes.StartAsync();
        using var cli = new FreightCli();

        var result = (await cli.RunAsync(["migrate", "--database", "local.db", .. sandboxes.JobFlags()])).Exits(0);

        Assert.Contains("job completed_with_errors", result.OutputLines);
        Assert.Contains(result.OutputLines, line => line.StartsWith("│ total ", StringComparison.Ordinal) && line.Contains("completed_with_errors", StringComparison.Ordinal));
        Assert.StartsWith("Migrating affinity → attio as job ", result.ErrorLines[0], StringComparison.Ordinal);
        Assert.Matches(@"^warning: job [0-9a-f-]{36} completed with \d+ failed record\(s\); its failures say why\.$", result.ErrorLines[^1]);
        Assert.True(File.Exists(Path.Combine(cli.WorkingDirectory, "local.db")));
        Assert.Equal(0, await sandboxes.DuplicatesAsync());
    }

    [Fact]
    public async Task A_dry_run_with_json_prints_the_job_once_per_line_and_writes_nothing()
    {
        await using var sandboxes = await Sandboxes.StartAsync();
        using var cli = new FreightCli();

        var result = (await cli.RunAsync(["migrate", "--dry-run", "--json", "--entities", "companies", .. sandboxes.JobFlags()])).Exits(0);

        var jobs = result.OutputLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Single(jobs.Select(job => job.GetProperty("id").GetGuid()).Distinct());
        var last = jobs[^1];
        Assert.Equal("completed", last.GetProperty("status").GetString());
        Assert.Equal(["schema", "companies"], last.GetProperty("phases").EnumerateArray().Select(phase => phase.GetProperty("phase").GetString()));
        Assert.True(last.GetProperty("total_records").GetInt64() > 0);
        var counts = await sandboxes.AttioClient.GetFromJsonAsync<JsonElement>("_sandbox/counts");
        Assert.Equal(0, counts.GetProperty("records").GetProperty("companies").GetInt64());
    }

    [Fact]
    public async Task Migrate_without_keys_exits_2_naming_the_missing_setting_and_creates_no_job()
    {
        using var cli = new FreightCli();

        var result = (await cli.RunAsync("migrate", "--database", "local.db")).Exits(ExitCodes.Usage);

        Assert.Equal(
            ["error: The source or target settings are not usable. (validation_error)", "- api_key: is required: an Affinity API key."],
            result.ErrorLines);
        Assert.Equal("", result.Output);
        Assert.False(File.Exists(Path.Combine(cli.WorkingDirectory, "local.db")));
    }

    [Fact]
    public async Task Migrate_stopped_midway_continues_the_same_job_on_rerun()
    {
        // Attio holds every note write until the test lets go: the migration is stopped once the phases before the notes
        // are done (the notes phase reads, and may start, while they finish).
        var held = new FaultOptions();
        held.Routes["POST /v2/notes"] = new FaultProfile { Latency = FaultProfile.MaxDelay };
        await using var sandboxes = await Sandboxes.StartAsync(held);
        using var cli = new FreightCli();
        string[] args = ["migrate", .. sandboxes.JobFlags()];

        using (var first = cli.Start(args))
        {
            var completed = new HashSet<string>(StringComparer.Ordinal);
            await first.WaitForOutputLineAsync(line =>
            {
                completed.UnionWith(new[] { "companies", "people", "deals" }.Where(phase => line.StartsWith($"{phase} completed", StringComparison.Ordinal)));
                return completed.Count == 3;
            });
            await first.TerminateAsync();
            var stopped = (await first.ExitAsync()).Exits(ExitCodes.Failure);
            var id = stopped.ErrorLines[0]["Migrating affinity → attio as job ".Length..][..36];
            Assert.Equal($"error: Stopped; the checkpoint is kept. Run the same command again to continue job {id}.", stopped.ErrorLines[^1]);

            using var release = await sandboxes.AttioClient.PutAsJsonAsync("_sandbox/faults", new { });
            Assert.True(release.IsSuccessStatusCode);
            var resumed = (await cli.RunAsync(args)).Exits(0);

            Assert.StartsWith($"Resuming job {id} (", resumed.ErrorLines[0], StringComparison.Ordinal);
            Assert.DoesNotContain(resumed.OutputLines, line => line.StartsWith("companies running", StringComparison.Ordinal));
            Assert.Contains(resumed.OutputLines, line => line.StartsWith("companies completed", StringComparison.Ordinal));
            Assert.Contains("job completed_with_errors", resumed.OutputLines);
            Assert.Equal(0, await sandboxes.DuplicatesAsync());
        }
    }
}

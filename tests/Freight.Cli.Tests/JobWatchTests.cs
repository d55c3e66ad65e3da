using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Freight.Server.Tests;

namespace Freight.Cli.Tests;

/// <summary>
/// <c>jobs create</c> and <c>jobs watch</c> against the API with its worker on a real clock, migrating from the
/// Affinity simulator into the Attio one.
/// </summary>
public sealed class JobWatchTests
{
    [Fact]
    public async Task Jobs_watch_follows_a_job_to_its_end_and_exits_0_with_a_warning_for_refused_records()
    {
        await using var sandboxes = await Sandboxes.StartAsync();
        await using var server = await ApiServer.StartWithWorkerAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var cli = new FreightCli();
        cli.Environment["FREIGHT_URL"] = server.BaseAddress.ToString();
        cli.Environment["FREIGHT_API_KEY"] = key;

        var id = Guid.Parse((await cli.RunAsync(["jobs", "create", .. sandboxes.JobFlags()])).Exits(0).Output.Trim());
        var watched = (await cli.RunAsync("jobs", "watch", id.ToString())).Exits(0);
        var replay = (await cli.RunAsync("jobs", "watch", id.ToString(), "--json")).Exits(0);

        using var api = server.Tenant(key);
        var job = await api.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}");
        var failed = job.GetProperty("failed_records").GetInt64();
        Assert.Equal("completed_with_errors", job.GetProperty("status").GetString());
        Assert.True(failed > 0);
        Assert.Equal("job completed_with_errors", watched.OutputLines[^1]);
        Assert.Contains("list_entries completed: ", watched.Output, StringComparison.Ordinal);
        Assert.Equal($"warning: job {id} completed with {failed} failed record(s); its failures say why.", watched.Error.Trim());
        var last = JsonDocument.Parse(replay.OutputLines[^1]).RootElement;
        Assert.Equal(id, last.GetProperty("id").GetGuid());
        Assert.Equal("completed_with_errors", last.GetProperty("status").GetString());
        Assert.Equal(job.GetProperty("processed_records").GetInt64(), last.GetProperty("processed_records").GetInt64());
        Assert.Equal(0, await sandboxes.DuplicatesAsync());
    }

    [Fact]
    public async Task A_finished_job_shows_its_log_and_a_retry_queues_it_again_to_its_end()
    {
        await using var sandboxes = await Sandboxes.StartAsync();
        await using var server = await ApiServer.StartWithWorkerAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var cli = new FreightCli();
        cli.Environment["FREIGHT_URL"] = server.BaseAddress.ToString();
        cli.Environment["FREIGHT_API_KEY"] = key;
        var id = (await cli.RunAsync(["jobs", "create", "--entities", "companies,people", .. sandboxes.JobFlags()])).Exits(0).Output.Trim();
        (await cli.RunAsync("jobs", "watch", id)).Exits(0);

        var warnings = JsonDocument.Parse((await cli.RunAsync("jobs", "logs", id, "--level", "warning", "--json")).Exits(0).Output).RootElement;
        var retried = (await cli.RunAsync("jobs", "retry", id)).Exits(0);
        var again = (await cli.RunAsync("jobs", "watch", id, "--json")).Exits(0);

        Assert.NotEmpty(warnings.EnumerateArray());
        Assert.All(warnings.EnumerateArray(), entry => Assert.Equal("warning", entry.GetProperty("level").GetString()));
        Assert.True(Regex.IsMatch(retried.Output.Trim(), $@"^Job {id} is pending: [1-9]\d* batch\(es\) queued again\.$"), retried.Output);
        Assert.Equal("completed_with_errors", JsonDocument.Parse(again.OutputLines[^1]).RootElement.GetProperty("status").GetString());
        Assert.Equal(0, await sandboxes.DuplicatesAsync());
    }
}

using System.Text.Json;
using Freight.Sandbox.Hosting;
using Freight.Server.Tests;

namespace Freight.Cli.Tests;

/// <summary><c>freight jobs</c> against a test server whose worker is off: what the commands send and show.</summary>
public sealed class JobCommandTests
{
    private static readonly string[] Credentials = ["--source-key", "affinity-secret", "--target-key", "attio-secret", "--no-verify"];

    [Fact]
    public async Task Jobs_create_prints_the_new_id_and_jobs_list_json_holds_the_job()
    {
        await using var server = await ApiServer.StartAsync();
        using var cli = await CliAsync(server);

        var created = (await cli.RunAsync(["jobs", "create", .. Credentials, "--entities", "companies,people", "--batch-size", "500"])).Exits(0);
        var id = Guid.Parse(created.Output.Trim());
        var list = JsonDocument.Parse((await cli.RunAsync("jobs", "list", "--json")).Exits(0).Output).RootElement;

        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var job = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, job.GetProperty("id").GetGuid());
        Assert.Equal("pending", job.GetProperty("status").GetString());
        Assert.Equal(500, job.GetProperty("batch_size").GetInt32());
        Assert.Equal(["companies", "people"], job.GetProperty("entities").EnumerateArray().Select(entity => entity.GetString()));
        Assert.Contains($"freight jobs watch {id}", created.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_create_from_a_file_with_an_idempotency_key_twice_is_one_job()
    {
        await using var server = await ApiServer.StartAsync();
        using var cli = await CliAsync(server);
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "job.json"), """
            {"source_system": "affinity", "target_system": "attio", "source_config": {"api_key": "a"},
             "target_config": {"api_key": "b"}, "dry_run": true, "verify_credentials": false}
            """);

        var first = JsonDocument.Parse((await cli.RunAsync("jobs", "create", "--file", "job.json", "--idempotency-key", "import-1", "--json")).Exits(0).Output).RootElement;
        var second = JsonDocument.Parse((await cli.RunAsync("jobs", "create", "--file", "job.json", "--idempotency-key", "import-1", "--json")).Exits(0).Output).RootElement;
        var list = JsonDocument.Parse((await cli.RunAsync("jobs", "list", "--json")).Exits(0).Output).RootElement;

        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.True(first.GetProperty("dry_run").GetBoolean());
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_job_the_api_refuses_exits_2_with_each_bad_field_listed()
    {
        await using var server = await ApiServer.StartAsync();
        using var cli = await CliAsync(server);
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "job.json"), """
            {"source_system": "affinity", "target_system": "attio", "source_config": {"api_key": "a"},
             "target_config": {"api_key": "b"}, "batch_size": 5, "verify_credentials": false}
            """);

        var result = (await cli.RunAsync("jobs", "create", "--file", "job.json")).Exits(ExitCodes.Usage);

        Assert.Matches(@"^error: .+ \(validation_error, request req_[0-9a-f]+\)$", result.ErrorLines[0]);
        Assert.Equal("- batch_size: batch_size must be a whole number from 100 to 10000.", result.ErrorLines[1]);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Jobs_get_of_an_unknown_id_exits_1_with_the_apis_message()
    {
        await using var server = await ApiServer.StartAsync();
        using var cli = await CliAsync(server);
        var unknown = Guid.NewGuid();

        var result = (await cli.RunAsync("jobs", "get", unknown.ToString())).Exits(ExitCodes.Failure);

        Assert.Matches($@"^error: No job {unknown}\. \(not_found, request req_[0-9a-f]+\)$", result.Error.Trim());
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task A_bad_api_key_exits_1_with_invalid_api_key()
    {
        await using var server = await ApiServer.StartAsync();
        using var cli = await CliAsync(server);

        var result = (await cli.RunAsync("jobs", "list", "--api-key", "frt_AbCdEfGh" + new string('x', 40))).Exits(ExitCodes.Failure);

        Assert.Matches(@"^error: Invalid API key \(unauthorized, request req_[0-9a-f]+\)$", result.Error.Trim());
    }

    [Fact]
    public async Task A_cancelled_job_shows_as_cancelled_and_watching_it_exits_1_with_the_reason()
    {
        await using var server = await ApiServer.StartAsync();
        using var cli = await CliAsync(server);
        var id = (await cli.RunAsync(["jobs", "create", .. Credentials])).Exits(0).Output.Trim();

        var cancelled = (await cli.RunAsync("jobs", "cancel", id)).Exits(0);
        var watched = (await cli.RunAsync("jobs", "watch", id)).Exits(ExitCodes.Failure);
        var shown = (await cli.RunAsync("jobs", "get", id)).Exits(0);
        var again = (await cli.RunAsync("jobs", "cancel", id)).Exits(ExitCodes.Failure);

        Assert.Equal($"Job {id} is cancelled.", cancelled.Output.Trim());
        Assert.Equal("job cancelled: Cancelled before it started.", watched.OutputLines[^1]);
        Assert.Equal($"error: Job {id} ended cancelled: Cancelled before it started.", watched.Error.Trim());
        Assert.Contains(shown.OutputLines, line => line.StartsWith("status", StringComparison.Ordinal) && line.EndsWith("cancelled", StringComparison.Ordinal));
        Assert.Matches(@"^error: .+ \(conflict, request req_[0-9a-f]+\)$", again.Error.Trim());
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_exits_1_with_one_line()
    {
        using var cli = new FreightCli();

        var result = (await cli.RunAsync("jobs", "list", "--url", "http://127.0.0.1:1", "--api-key", "frt_x")).Exits(ExitCodes.Failure);

        Assert.Matches(@"^error: GET /api/v1/jobs failed: .+ \(network\)$", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task The_url_and_key_can_come_from_appsettings_json_in_the_working_directory()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var cli = new FreightCli();
        await File.WriteAllTextAsync(Path.Combine(cli.WorkingDirectory, "appsettings.json"),
            JsonSerializer.Serialize(new { Freight = new { Url = server.BaseAddress.ToString(), ApiKey = key } }));

        var result = (await cli.RunAsync("jobs", "list", "--json")).Exits(0);

        Assert.Equal(0, JsonDocument.Parse(result.Output).RootElement.GetProperty("total").GetInt32());
    }

    /// <summary>A CLI pointed at <paramref name="server"/> with a new tenant's key in FREIGHT_API_KEY.</summary>
    private static async Task<FreightCli> CliAsync(ApiServer server)
    {
        var (_, key) = await server.CreateTenantAsync("acme");
        var cli = new FreightCli();
        cli.Environment["FREIGHT_URL"] = server.BaseAddress.ToString();
        cli.Environment["FREIGHT_API_KEY"] = key;
        return cli;
    }
}

using Freight.Sandbox.Hosting;

namespace Freight.Cli.Tests;

/// <summary>A wrong command line is refused before anything is called, with exit code 2 and the reason on standard error.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("--limit must be from 1 to 1000.", "jobs", "list", "--limit", "0")]
    [InlineData("'sleeping'", "jobs", "list", "--status", "sleeping")]
    [InlineData("'not-a-guid'", "jobs", "get", "not-a-guid")]
    [InlineData("--batch-size must be from 100 to 10000.", "jobs", "create", "--batch-size", "5")]
    [InlineData("--entities: 'planets' is not one of companies, people, deals, notes, list_entries.", "jobs", "create", "--entities", "companies,planets")]
    [InlineData("--source-option: 'rpm' is not name=value.", "jobs", "create", "--source-option", "rpm")]
    [InlineData("--file holds the whole job: leave out the source, target, batch and entity flags.", "jobs", "create", "--file", "job.json", "--source-key", "k")]
    [InlineData("--source-url: 'ftp://example.com' is not an http or https address.", "migrate", "--source-url", "ftp://example.com")]
    [InlineData("--url: 'localhost' is not an http or https address.", "jobs", "list", "--url", "localhost")]
    [InlineData("--slug", "tenants", "create", "--name", "Acme")]
    [InlineData("'frobnicate'", "jobs", "frobnicate")]
    public async Task A_wrong_command_line_exits_2_and_says_why(string reason, params string[] args)
    {
        using var cli = new FreightCli();

        var result = (await cli.RunAsync(args)).Exits(ExitCodes.Usage);

        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}

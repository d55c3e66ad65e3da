namespace Freight.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("migrate")]
    [InlineData("tenants")]
    [InlineData("tenants create")]
    [InlineData("tenants list")]
    [InlineData("tenants get")]
    [InlineData("keys")]
    [InlineData("keys create")]
    [InlineData("keys list")]
    [InlineData("keys revoke")]
    [InlineData("jobs")]
    [InlineData("jobs list")]
    [InlineData("jobs create")]
    [InlineData("jobs get")]
    [InlineData("jobs watch")]
    [InlineData("jobs logs")]
    [InlineData("jobs retry")]
    [InlineData("jobs cancel")]
    [InlineData("serve")]
    [InlineData("worker")]
    [InlineData("sandbox")]
    [InlineData("db migrate")]
    public async Task Help_of_a_command_shows_examples_of_it(string command)
    {
        using var cli = new FreightCli();

        var result = (await cli.RunAsync([.. command.Split(' '), "--help"])).Exits(0);

        Assert.Matches(@"Examples?:\n", result.Output);
        Assert.Contains($"  freight {command}", result.Output, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Help_of_freight_itself_lists_the_commands_with_examples()
    {
        using var cli = new FreightCli();

        var result = (await cli.RunAsync("--help")).Exits(0);

        Assert.Contains("Examples:\n", result.Output, StringComparison.Ordinal);
        foreach (var command in new[] { "serve", "worker", "sandbox", "demo", "migrate", "tenants", "keys", "jobs", "db" })
        {
            Assert.Matches($@"\n  {command}\s", result.Output);
        }
    }

    [Fact]
    public async Task Jobs_watch_help_states_its_exit_codes()
    {
        using var cli = new FreightCli();

        var result = (await cli.RunAsync("jobs", "watch", "--help")).Exits(0);

        Assert.Contains("Exit codes: 0 completed, 0 completed_with_errors", result.Output, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Freight.Sandbox.Dataset;

namespace Freight.Cli.Tests.Demo;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_migrates_through_the_api_despite_faults_and_its_table_shows_the_outcome_the_dataset_calls_for()
    {
        using var cli = new FreightCli();
        var expected = ExpectedOutcome.Of(SandboxDataset.ForRecordCount(seed: 42, records: 300));

        var result = (await cli.RunAsync("demo", "--records", "300", "--faults", "0.05")).Exits(0);

        var rows = VerificationRows(result.Output);
        Assert.Equal(MigratedObjects.All, rows.Keys);
        foreach (var name in MigratedObjects.All)
        {
            var refusals = Reasons(expected.Refusals.Where(r => r.ObjectName == name).GroupBy(r => r.Code).ToDictionary(group => group.Key, group => (long)group.Count()));
            Assert.Equal(
                $"{name}: source {expected.Source(name)}, migrated {expected.Held(name)} of {expected.Held(name)}, rejected {refusals} of {refusals}, duplicates 0, ok",
                $"{name}: source {rows[name].Source}, migrated {rows[name].Migrated} of {rows[name].ShouldBe}, rejected {Reasons(rows[name].Rejected)} of {Reasons(rows[name].ShouldReject)}, duplicates {rows[name].Duplicates}, {rows[name].Check}");
        }

        var held = MigratedObjects.All.Sum(expected.Held);
        Assert.Contains(
            $"Verified: Attio holds exactly the {held:N0} records that map, the {expected.Refusals.Count:N0} rejections are the expected ones, and nothing was written twice.",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains("Faults injected and ridden out: ", result.Output, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Demo_kept_running_prints_the_dashboard_address_and_the_dashboard_is_there()
    {
        using var cli = new FreightCli();
        using var demo = cli.Start("demo", "--records", "100", "--keep-running");

        var line = await demo.WaitForOutputLineAsync(text => text.StartsWith("Dashboard", StringComparison.Ordinal));
        var address = Regex.Match(line, @"http://127\.0\.0\.1:\d+/dashboard/").Value;
        Assert.NotEqual("", address);
        using var http = new HttpClient { Timeout = FreightCli.SafetyNet };
        using var page = await http.GetAsync(address);
        await demo.TerminateAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<script type=\"module\" src=\"js/main.js\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await demo.ExitAsync()).ExitCode);
    }

    [Fact]
    public async Task Demo_help_shows_its_options_and_examples()
    {
        using var cli = new FreightCli();

        var result = (await cli.RunAsync("demo", "--help")).Exits(0);

        Assert.Contains("Examples:\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("  freight demo --records 300 --faults 0.05", result.Output, StringComparison.Ordinal);
        foreach (var option in new[] { "--records", "--faults", "--speed", "--seed", "--keep-running" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--faults", "0.015", "--faults must be a whole percent between 0 and 0.5, e.g. 0.02.")]
    [InlineData("--faults", "0.6", "--faults must be a whole percent between 0 and 0.5, e.g. 0.02.")]
    [InlineData("--records", "0", "--records must be between 1 and 1000000.")]
    [InlineData("--speed", "0", "--speed must be between 0.1 and 1000.")]
    public async Task Demo_with_an_option_out_of_range_is_a_usage_error_naming_it(string option, string value, string message)
    {
        using var cli = new FreightCli();

        var result = (await cli.RunAsync("demo", option, value)).Exits(2);

        Assert.Equal(message, result.ErrorLines[0]);
    }

    /// <summary>The rows of the Markdown table the demo prints when its output is redirected, by object.</summary>
    private static Dictionary<string, DemoRow> VerificationRows(string output)
    {
        var rows = new Dictionary<string, DemoRow>();
        DemoRow? current = null;
        foreach (var line in output.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith('|')).Skip(2))
        {
            var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            Assert.Equal(9, cells.Length);
            if (cells[0].Length > 0)
            {
                current = new DemoRow(Number(cells[1]), Number(cells[2]), Number(cells[3]), [], [], Number(cells[7]), cells[8]);
                rows.Add(cells[0], current);
            }

            if (cells[4] != "-")
            {
                current!.Rejected[cells[4]] = Number(cells[5]);
                current.ShouldReject[cells[4]] = Number(cells[6]);
            }
        }

        return rows;
    }

    private static string Reasons(Dictionary<string, long> byCode) =>
        string.Join(", ", byCode.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}"));

    private static long Number(string cell) => long.Parse(cell, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private sealed record DemoRow(
        long Source, long Migrated, long ShouldBe, Dictionary<string, long> Rejected, Dictionary<string, long> ShouldReject, long Duplicates, string Check);
}

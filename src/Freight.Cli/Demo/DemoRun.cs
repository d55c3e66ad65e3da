using System.Diagnostics;
using Freight.Http;
using Spectre.Console;

namespace Freight.Cli.Demo;

/// <summary>The demo itself: page through the flaky API with Freight.Http, then verify the records.</summary>
internal static class DemoRun
{
    private const int PageSize = 50;

    public static async Task<int> RunAsync(int records, double faults, CancellationToken cancellationToken)
    {
        await using var api = await FlakyApi.StartAsync(records, faults).ConfigureAwait(false);
        AnsiConsole.MarkupLine($"Simulated CRM API at [blue]{api.BaseAddress}[/] with {records} companies, {faults:P0} of requests failing.");

        using var client = ApiClient.Create(new ApiClientOptions
        {
            BaseAddress = api.BaseAddress,
            Retry = { MaxAttempts = 8, BaseDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromSeconds(5) },
            RateLimit = { PermitLimit = 100, Period = TimeSpan.FromSeconds(1) },
            CircuitBreaker = { FailureRatio = 0.9, MinimumThroughput = 20 },
        });

        var seen = new HashSet<int>();
        var duplicates = 0;
        var clock = Stopwatch.StartNew();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Reading companies", maxValue: records);
                var pages = client.PaginateAsync<Company>(ApiRequest.Get("v1/companies"), Pagination.OffsetLimit(PageSize), cancellationToken);
                await foreach (var company in pages.ConfigureAwait(false))
                {
                    if (!seen.Add(company.Id))
                    {
                        duplicates++;
                    }

                    task.Increment(1);
                }
            }).ConfigureAwait(false);

        var expectedPages = (records / PageSize) + 1;
        var table = new Table().AddColumns("Measure", "Value");
        table.AddRow("Companies read", seen.Count.ToString("N0", null));
        table.AddRow("Duplicates", duplicates.ToString("N0", null));
        table.AddRow("Requests served", api.Requests.ToString("N0", null));
        table.AddRow("Failures injected (503, 429, dropped)", api.InjectedFailures.ToString("N0", null));
        table.AddRow("Pages needed", expectedPages.ToString("N0", null));
        table.AddRow("Elapsed", $"{clock.Elapsed.TotalSeconds:0.0} s");
        AnsiConsole.Write(table);

        var verified = seen.Count == records && duplicates == 0 && seen.Min() == 1 && seen.Max() == records;
        AnsiConsole.MarkupLine(verified
            ? "[green]Verified:[/] every record was read exactly once despite the injected failures."
            : $"[red]Verification failed:[/] read {seen.Count} of {records} records with {duplicates} duplicates.");
        return verified ? 0 : 1;
    }
}

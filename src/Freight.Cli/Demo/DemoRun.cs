using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Freight.Client;
using Freight.Http;
using Freight.Sandbox.Dataset;
using Spectre.Console;

namespace Freight.Cli.Demo;

/// <summary>
/// The demo itself: start everything, create a tenant and a job through the API, follow the job, verify the target,
/// and, with <c>--keep-running</c>, leave everything up until Ctrl+C.
/// </summary>
internal static class DemoRun
{
    public static async Task<int> RunAsync(DemoSettings settings, TextWriter error, CancellationToken cancellationToken)
    {
        var live = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var console = live ? AnsiConsole.Console : PlainConsole();
        try
        {
            return await RunAsync(settings, console, live, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Demo stopped before its verification.").ConfigureAwait(false);
            return 1;
        }
        catch (ApiException failure)
        {
            await error.WriteLineAsync($"Demo failed: Freight's API answered {failure.FreightError()}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException or ArgumentException or InvalidOperationException
            or JsonException or KeyNotFoundException)
        {
            await error.WriteLineAsync($"Demo failed: {failure.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> RunAsync(DemoSettings settings, IAnsiConsole console, bool live, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var stack = await DemoStack.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        var expected = ExpectedOutcome.Of(stack.Data);
        var counts = stack.Data.Counts;
        console.MarkupLineInterpolated(
            $"Affinity simulator [blue]{stack.Affinity.BaseAddress}[/]: {counts.Companies:N0} companies, {counts.Persons:N0} persons, {counts.Opportunities:N0} opportunities, {counts.Notes:N0} notes, {counts.ListEntries:N0} list entries");
        console.MarkupLineInterpolated($"Attio simulator    [blue]{stack.Attio.BaseAddress}[/]: an empty workspace");
        console.MarkupLineInterpolated($"Freight API        [blue]{stack.ApiAddress}[/]: worker in process, SQLite in a temporary directory");
        console.MarkupLineInterpolated($"Settings: {settings.Describe()}");

        using var api = new DemoApi(stack, settings);
        var tenant = await api.CreateTenantAsync(cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Tenant [blue]{tenant.Slug}[/] created with its first API key, frt_{tenant.Key.Prefix}… (POST /api/v1/admin/tenants)");
        var job = await api.CreateJobAsync(cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Job [blue]{job.Id}[/] created (POST /api/v1/jobs); following GET /api/v1/jobs/{job.Id}/events");

        var bars = MigratedObjects.All.ToDictionary(name => name, expected.Source);
        var followed = await DemoProgress.FollowAsync(console, live, bars, api.FollowAsync(job.Id, cancellationToken), cancellationToken).ConfigureAwait(false);
        var final = followed is { Finished: true } ? followed : await api.GetJobAsync(job.Id, cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated(
            $"Job {final.Status} in {clock.Elapsed.TotalSeconds:0.0} s: {final.Processed:N0} records processed, {final.Failed:N0} refused by Attio.");
        var (affinityRequests, attioRequests) = await api.RequestsAsync(cancellationToken).ConfigureAwait(false);
        console.WriteLine($"Faults injected and ridden out: {Faults(affinityRequests)} on Affinity, {Faults(attioRequests)} on Attio.");

        var verification = Verification.Check(
            expected,
            final,
            await api.FailuresAsync(job.Id, cancellationToken).ConfigureAwait(false),
            await api.CountsAsync(cancellationToken).ConfigureAwait(false),
            await api.DuplicatesAsync(cancellationToken).ConfigureAwait(false));
        VerificationTable.Write(console, verification, live);

        if (settings.KeepRunning)
        {
            await KeepRunningAsync(console, stack, api.ApiKey!, cancellationToken).ConfigureAwait(false);
        }

        return verification.Holds ? 0 : 1;
    }

    /// <summary><c>"12 of 640 requests (server_error 6, rate_limit 6)"</c>, from a simulator's <c>/_sandbox/requests</c>.</summary>
    private static string Faults(JsonElement requests)
    {
        var faults = requests.GetProperty("faults");
        var kinds = faults.GetProperty("by_kind").EnumerateObject().Where(kind => kind.Value.GetInt64() > 0).Select(kind => $"{kind.Name} {kind.Value.GetInt64():N0}");
        var total = faults.GetProperty("total").GetInt64();
        return string.Create(CultureInfo.InvariantCulture,
            $"{total:N0} of {requests.GetProperty("total").GetInt64():N0} requests{(total == 0 ? "" : $" ({string.Join(", ", kinds)})")}");
    }

    private static async Task KeepRunningAsync(IAnsiConsole console, DemoStack stack, string apiKey, CancellationToken cancellationToken)
    {
        var root = stack.ApiAddress.GetLeftPart(UriPartial.Authority);
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("API", $"{root}/api/v1");
        grid.AddRow("API docs", $"{root}/api/docs");
        grid.AddRow("Dashboard", $"{root}/dashboard/ (sign in with the API key below)");
        grid.AddRow("API key (X-API-Key)", apiKey);
        grid.AddRow("Admin key (X-Admin-Key)", stack.AdminKey);
        grid.AddRow("Affinity simulator", $"{stack.Affinity.BaseAddress.GetLeftPart(UriPartial.Authority)} key {stack.Affinity.ApiKey}");
        grid.AddRow("Attio simulator", $"{stack.Attio.BaseAddress.GetLeftPart(UriPartial.Authority)} key {stack.Attio.ApiKey}");
        console.Write(grid);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Try: curl -H 'X-API-Key: {apiKey}' {root}/api/v1/jobs"));
        console.WriteLine("Everything stays up until Ctrl+C.");

        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = cancellationToken.Register(() => stopped.TrySetResult()).ConfigureAwait(false);
        await stopped.Task.ConfigureAwait(false);
    }

    /// <summary>Redirected output (CI, a file, a test): no colours, no cursor moves, lines wide enough for the table.</summary>
    private static IAnsiConsole PlainConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        console.Profile.Width = 200;
        return console;
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;

namespace Freight.Cli.Demo;

/// <summary>
/// <c>freight demo</c>: an Affinity → Attio migration through Freight's REST API against local simulators, with live
/// progress, verified against what the dataset calls for; exit 0 only when it holds.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var records = new Option<long>("--records")
        {
            Description = $"Records in the simulated Affinity workspace (companies, people, deals, notes, list entries). Default: {DemoSettings.DefaultRecords}, about a minute on two cores.",
            DefaultValueFactory = _ => DemoSettings.DefaultRecords,
        };
        var faults = new Option<double>("--faults")
        {
            Description = $"Share of requests both simulated APIs fail transiently (5xx, 429, dropped connections, truncated bodies), a whole percent from 0 to 0.5. Default: {DemoSettings.DefaultFaultRate}.",
            DefaultValueFactory = _ => DemoSettings.DefaultFaultRate,
        };
        var speed = new Option<double>("--speed")
        {
            Description = $"The simulated APIs' rate limits × this factor, and the job's budgets with them (1 = Attio's real 25 writes/s). Default: {DemoSettings.DefaultSpeed}.",
            DefaultValueFactory = _ => DemoSettings.DefaultSpeed,
        };
        var seed = new Option<int>("--seed")
        {
            Description = $"Seed of the dataset and of the faults. Default: {DemoSettings.DefaultSeed}.",
            DefaultValueFactory = _ => DemoSettings.DefaultSeed,
        };
        var keepRunning = new Option<bool>("--keep-running")
        {
            Description = "After the verification, keep the server and the simulators up and print their addresses and keys, until Ctrl+C.",
        };
        records.Validators.Add(result => Check(result, result.GetValueOrDefault<long>() is >= 1 and <= 1_000_000, "--records must be between 1 and 1000000."));
        faults.Validators.Add(result => Check(result, IsWholePercent(result.GetValueOrDefault<double>()), "--faults must be a whole percent between 0 and 0.5, e.g. 0.02."));
        speed.Validators.Add(result => Check(result, result.GetValueOrDefault<double>() is >= 0.1 and <= 1000, "--speed must be between 0.1 and 1000."));

        var command = new Command("demo", """
            Migrate a simulated Affinity workspace into a simulated Attio one through Freight's REST API, and verify it.
            Starts both simulators (failing a share of requests), and Freight's server and worker over a fresh SQLite file,
            each on a free loopback port; creates a tenant and an API key through the admin API; starts an Affinity → Attio
            job; shows each phase's progress from the job's events; then checks every object: the records Attio holds, the
            records it refused and why, against what the dataset calls for, and that nothing was written twice.
            Exits 0 when the verification holds, 1 when it does not (the differing rows are marked), 2 for a wrong command line.

            Examples:
              freight demo
              freight demo --records 300 --faults 0.05
              freight demo --records 20000 --speed 40
              freight demo --keep-running        # then browse the API docs and call the API with the printed key
            """)
        {
            records,
            faults,
            speed,
            seed,
            keepRunning,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new DemoSettings(parse.GetValue(records), parse.GetValue(faults), parse.GetValue(speed), parse.GetValue(seed), parse.GetValue(keepRunning));
            return DemoRun.RunAsync(settings, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static bool IsWholePercent(double share) =>
        share is >= 0 and <= 0.5 && Math.Abs((share * 100) - Math.Round(share * 100)) < 1e-9;

    private static void Check(OptionResult result, bool holds, string message)
    {
        if (!holds)
        {
            result.AddError(message);
        }
    }
}

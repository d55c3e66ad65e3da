using System.CommandLine;
using Freight.Sandbox.Faults;

namespace Freight.Sandbox.Hosting;

/// <summary>
/// The sandbox command, defined once: <c>freight sandbox</c> adds <see cref="Create"/> to its root, the
/// standalone Freight.Sandbox runs <see cref="CreateRoot"/>. Both start the simulators on one dataset,
/// print <c>NAME URL key API-KEY</c> per simulator, and serve until Ctrl+C or SIGTERM.
/// </summary>
public static class SandboxCommand
{
    /// <summary><c>freight sandbox</c>.</summary>
    public static Command Create() =>
        Configure(new Command("sandbox", Describe("freight sandbox")));

    /// <summary>The standalone program: <c>dotnet run --project src/Freight.Sandbox -- [options]</c>.</summary>
    public static RootCommand CreateRoot() =>
        Configure(new RootCommand(Describe("dotnet run --project src/Freight.Sandbox --")));

    private static string Describe(string invocation) =>
        $"""
        Serve local API simulators ({string.Join(", ", SandboxSimulators.All.Select(simulator => simulator.Name))}) on loopback, on one synthetic dataset, until Ctrl+C.
        Prints one line per simulator, "<name> <url> key <api key>", then serves until stopped.
        --faults splits its rate 40/30/20/10 across 5xx, 429, dropped connections and truncated bodies.

        Example:
          {invocation} --records 10000 --faults 0.05 --speed 10
        """;

    private static T Configure<T>(T command)
        where T : Command
    {
        var urls = SandboxSimulators.All.Select(simulator => (Simulator: simulator, Option: UrlOption(simulator))).ToList();
        var records = new Option<long>("--records")
        {
            Description = "Records in the dataset (companies, persons, opportunities, notes, list entries).",
            DefaultValueFactory = _ => 10_000,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the dataset and of the faults.", DefaultValueFactory = _ => 42 };
        var faults = new Option<double>("--faults")
        {
            Description = "Share of requests that fail transiently, a whole percent between 0 and 1 (0.05 = 5 in every 100).",
            DefaultValueFactory = _ => 0,
        };
        var speed = new Option<double>("--speed") { Description = "Rate limits × this factor (10 = ten times the real budgets).", DefaultValueFactory = _ => 1 };

        records.Validators.Add(result => Check(result.GetValueOrDefault<long>() is >= 1 and <= 1_000_000_000, "--records must be between 1 and 1000000000.", result));
        faults.Validators.Add(result => Check(FaultShares.Percent(result.GetValueOrDefault<double>()) is not null,
            "--faults must be a whole percent between 0 and 1, e.g. 0.05.", result));
        speed.Validators.Add(result => Check(result.GetValueOrDefault<double>() is var value && value > 0 && double.IsFinite(value),
            "--speed must be a positive number.", result));

        foreach (var (_, option) in urls)
        {
            command.Options.Add(option);
        }

        command.Options.Add(records);
        command.Options.Add(seed);
        command.Options.Add(faults);
        command.Options.Add(speed);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new SandboxSettings(
                [.. urls.Select(url => (url.Simulator, LoopbackUrl.Read(parse.GetValue(url.Option), url.Option.Name, out _)!))],
                parse.GetValue(records),
                parse.GetValue(seed),
                parse.GetValue(faults),
                parse.GetValue(speed));
            var console = parse.InvocationConfiguration;
            return SandboxRun.RunAsync(settings, console.Output, console.Error, cancellationToken);
        });
        return command;
    }

    private static Option<string> UrlOption(SimulatorEntry simulator)
    {
        var option = new Option<string>($"--{simulator.Name}-url")
        {
            Description = $"Where the {simulator.Name} simulator listens: http on a loopback host; port 0 picks a free one.",
            DefaultValueFactory = _ => simulator.DefaultUrl,
        };
        option.Validators.Add(result =>
        {
            if (LoopbackUrl.Read(result.GetValueOrDefault<string>(), option.Name, out var problem) is null)
            {
                result.AddError(problem!);
            }
        });
        return option;
    }

    private static void Check(bool valid, string problem, System.CommandLine.Parsing.OptionResult result)
    {
        if (!valid)
        {
            result.AddError(problem);
        }
    }
}

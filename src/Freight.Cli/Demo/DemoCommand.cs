using System.CommandLine;

namespace Freight.Cli.Demo;

/// <summary><c>freight demo</c>: reads every record of a flaky, rate-limited API through Freight.Http and checks none was lost or duplicated.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var records = new Option<int>("--records")
        {
            Description = "Records the simulated API holds.",
            DefaultValueFactory = _ => 2000,
        };
        var faults = new Option<double>("--faults")
        {
            Description = "Share of requests the simulated API fails transiently (503, dropped connections, 429).",
            DefaultValueFactory = _ => 0.2,
        };
        var command = new Command("demo", "Run Freight.Http against a local flaky, rate-limited API and verify the result.")
        {
            records,
            faults,
        };
        records.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1_000_000)
            {
                result.AddError("--records must be between 1 and 1000000.");
            }
        });
        faults.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or > 0.9)
            {
                result.AddError("--faults must be between 0 and 0.9.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
            DemoRun.RunAsync(parse.GetValue(records), parse.GetValue(faults), cancellationToken));
        return command;
    }
}

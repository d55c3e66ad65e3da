using System.Globalization;
using System.Net;
using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Hosting;

/// <summary>The sandbox command's settings, read from its options.</summary>
internal sealed record SandboxSettings(
    IReadOnlyList<(SimulatorEntry Simulator, IPEndPoint Endpoint)> Simulators, long Records, int Seed, double FaultRate, double Speed);

/// <summary>Starts the simulators, prints their lines, serves until cancelled, then stops them.</summary>
internal static class SandboxRun
{
    public static async Task<int> RunAsync(SandboxSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var dataset = SandboxDataset.ForRecordCount(settings.Seed, settings.Records);
        var running = new List<(string Name, RunningSimulator Simulator)>();
        try
        {
            foreach (var (simulator, endpoint) in settings.Simulators)
            {
                try
                {
                    var start = new SimulatorStart(dataset, endpoint, settings.Seed, settings.FaultRate, settings.Speed);
                    running.Add((simulator.Name, await simulator.StartAsync(start).ConfigureAwait(false)));
                }
                catch (IOException failure)
                {
                    await error.WriteLineAsync($"The {simulator.Name} simulator cannot listen on {endpoint}: {failure.Message}").ConfigureAwait(false);
                    return ExitCodes.Failure;
                }
            }

            foreach (var (name, simulator) in running)
            {
                await output.WriteLineAsync($"{name} {simulator.BaseAddress.GetLeftPart(UriPartial.Authority)} key {simulator.ApiKey}").ConfigureAwait(false);
            }

            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Serving {dataset.Counts.Records} records (seed {settings.Seed}, faults {settings.FaultRate}, speed {settings.Speed}); Ctrl+C stops.")).ConfigureAwait(false);
            await WaitUntilCancelledAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        finally
        {
            foreach (var (_, simulator) in running)
            {
                await simulator.Server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task WaitUntilCancelledAsync(CancellationToken cancellationToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = cancellationToken.Register(() => stopped.TrySetResult()).ConfigureAwait(false);
        await stopped.Task.ConfigureAwait(false);
    }
}

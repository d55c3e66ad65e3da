using System.Net;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Dataset;
using Freight.Sandbox.Faults;

namespace Freight.Sandbox.Hosting;

/// <summary>
/// The simulators <c>freight sandbox</c> starts, in order. Each entry gives the name used in its
/// <c>--NAME-url</c> option and its printed line, its default URL, and how to start it; another
/// simulator is one more entry.
/// </summary>
internal static class SandboxSimulators
{
    public static IReadOnlyList<SimulatorEntry> All { get; } =
    [
        new("affinity", "http://127.0.0.1:5101", async start =>
        {
            var affinity = await AffinitySimulator.StartAsync(start.Dataset, new AffinitySimulatorOptions
            {
                Address = start.Endpoint.Address,
                Port = start.Endpoint.Port,
                Speed = start.Speed,
                Faults = start.Faults(),
            }).ConfigureAwait(false);
            return new RunningSimulator(affinity.BaseAddress, affinity.ApiKey, affinity);
        }),
        new("attio", "http://127.0.0.1:5102", async start =>
        {
            // The source's internal users are the target's workspace members, so deal owners resolve by email.
            var attio = await AttioSimulator.StartAsync(new AttioSimulatorOptions
            {
                Address = start.Endpoint.Address,
                Port = start.Endpoint.Port,
                Speed = start.Speed,
                Faults = start.Faults(),
                WorkspaceMembers = AttioSimulatorOptions.MembersFrom(start.Dataset),
            }).ConfigureAwait(false);
            return new RunningSimulator(attio.BaseAddress, attio.ApiKey, attio);
        }),
    ];
}

/// <summary>One simulator the runner can start.</summary>
internal sealed record SimulatorEntry(string Name, string DefaultUrl, Func<SimulatorStart, Task<RunningSimulator>> StartAsync);

/// <summary>What a simulator starts with: the shared dataset, where to listen, and the command's settings.</summary>
internal sealed record SimulatorStart(SandboxDataset Dataset, IPEndPoint Endpoint, int Seed, double FaultRate, double Speed)
{
    /// <summary>Fresh options per simulator: <c>--faults</c> on every route, decided by <c>--seed</c>.</summary>
    public FaultOptions Faults() => FaultOptions.Transient(FaultRate, Seed);
}

/// <summary>A started simulator: its address and key for the printed line, and the server to stop.</summary>
internal sealed record RunningSimulator(Uri BaseAddress, string ApiKey, IAsyncDisposable Server);

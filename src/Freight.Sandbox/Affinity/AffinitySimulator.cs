using Freight.Sandbox.Dataset;
using Freight.Sandbox.Faults;
using Freight.Sandbox.Hosting;
using Freight.Sandbox.Inspection;

namespace Freight.Sandbox.Affinity;

/// <summary>An in-process Affinity v2 simulator on a loopback port, serving one dataset.</summary>
public sealed class AffinitySimulator : IAsyncDisposable
{
    private readonly SandboxHost _host;

    private AffinitySimulator(SandboxHost host, string apiKey)
    {
        _host = host;
        ApiKey = apiKey;
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:41234/</c>; v2 paths start with <c>v2/</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The key to send as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public string ApiKey { get; }

    public static async Task<AffinitySimulator> StartAsync(SandboxDataset dataset, AffinitySimulatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= new AffinitySimulatorOptions();
        options.Validate();
        var host = await SandboxHost.StartAsync(
            new SandboxHostOptions
            {
                Address = options.Address,
                Port = options.Port,
                TimeProvider = options.TimeProvider,
                Faults = options.Faults,
                FaultResponder = FaultResponders.Affinity,
            },
            services => services.AddAffinity(dataset, options),
            routes =>
            {
                routes.MapAffinity();
                routes.MapSandboxSummary();
            }).ConfigureAwait(false);
        return new AffinitySimulator(host, options.ApiKey);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

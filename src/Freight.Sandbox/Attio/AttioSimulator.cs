using Freight.Sandbox.Faults;
using Freight.Sandbox.Hosting;

namespace Freight.Sandbox.Attio;

/// <summary>An in-process Attio v2 simulator on a loopback port, holding one workspace in memory.</summary>
public sealed class AttioSimulator : IAsyncDisposable
{
    private readonly SandboxHost _host;

    private AttioSimulator(SandboxHost host, string apiKey)
    {
        _host = host;
        ApiKey = apiKey;
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:41234/</c>; v2 paths start with <c>v2/</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The key to send as <c>Authorization: Bearer &lt;key&gt;</c> (or as the Basic user name).</summary>
    public string ApiKey { get; }

    public static async Task<AttioSimulator> StartAsync(AttioSimulatorOptions? options = null)
    {
        options ??= new AttioSimulatorOptions();
        options.Validate();
        var host = await SandboxHost.StartAsync(
            new SandboxHostOptions
            {
                Address = options.Address,
                Port = options.Port,
                TimeProvider = options.TimeProvider,
                Faults = options.Faults,
                FaultResponder = FaultResponders.Attio,
            },
            services => services.AddAttio(options),
            routes => routes.MapAttio()).ConfigureAwait(false);
        return new AttioSimulator(host, options.ApiKey);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Freight.Sandbox.Attio;

/// <summary>An in-process Attio v2 simulator on a loopback port, holding one workspace in memory.</summary>
public sealed class AttioSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private AttioSimulator(WebApplication app, Uri baseAddress, string apiKey)
    {
        _app = app;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:41234/</c>; v2 paths start with <c>v2/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The key to send as <c>Authorization: Bearer &lt;key&gt;</c> (or as the Basic user name).</summary>
    public string ApiKey { get; }

    public static async Task<AttioSimulator> StartAsync(AttioSimulatorOptions? options = null)
    {
        options ??= new AttioSimulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();

        // Ignore the configuration of whatever directory hosts the simulator, and stay quiet.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoOpHostLifetime>();
        builder.Services.AddAttio(options);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var app = builder.Build();
        app.MapAttio();
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new AttioSimulator(app, new Uri(address.TrimEnd('/') + "/"), options.ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // An already-cancelled token stops at once instead of draining open connections.
        using var stopNow = new CancellationTokenSource();
        await stopNow.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(stopNow.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    // The default console lifetime would hook Ctrl+C and SIGTERM of the hosting process.
    private sealed class NoOpHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

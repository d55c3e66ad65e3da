using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Freight.TestUtils;

public sealed partial class ScriptedServer
{
    private readonly WebApplication _app;
    private Uri? _baseAddress;
    private int _disposed;

    private ScriptedServer(WebApplication app) => _app = app;

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:41234/</c> (always ends with '/').</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Starts a server on a free port of <paramref name="address"/> (<c>127.0.0.1</c> unless given, e.g. <see cref="IPAddress.IPv6Loopback"/>).</summary>
    public static async Task<ScriptedServer> StartAsync(ServerProtocol protocol = ServerProtocol.Http1, IPAddress? address = null)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // Ignore appsettings/ASPNETCORE_* of whatever directory the tests run in (e.g. Kestrel endpoints).
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();

        // The default console lifetime would hook Ctrl+C/SIGTERM of the test process.
        builder.Services.AddSingleton<IHostLifetime, NoOpHostLifetime>();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Limits.MaxRequestBodySize = null;

            // Tests pause clients (held reads, virtual clocks); Kestrel must not drop them as too slow.
            options.Limits.MinRequestBodyDataRate = null;
            options.Limits.MinResponseDataRate = null;
            options.Listen(address ?? IPAddress.Loopback, 0, listen => listen.Protocols =
                protocol == ServerProtocol.Http2 ? HttpProtocols.Http2 : HttpProtocols.Http1);
        });

        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var listening = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server._baseAddress = new Uri(listening.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // An already-cancelled token makes Kestrel abort open connections (held or streaming responses)
        // instead of waiting for them to finish gracefully.
        using var stopNow = new CancellationTokenSource();
        await stopNow.CancelAsync();
        await _app.StopAsync(stopNow.Token);
        await _app.DisposeAsync();
    }

    private sealed class NoOpHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using Freight.Sandbox.Faults;
using Freight.Sandbox.Inspection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Freight.Sandbox.Hosting;

/// <summary>
/// One simulator on a loopback port: a slim ASP.NET Core app with no configuration and no logging whose
/// pipeline is routing, request log, fault injection, then the simulator's endpoints, beside the
/// <c>/_sandbox</c> endpoints (never faulted, authenticated, rate-limited or logged). A simulator brings its services, its
/// endpoints and its <see cref="IFaultResponder"/>; the host brings everything else.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's services, e.g. to reach a simulator's store from the code that started it.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts the app: <see cref="ArgumentException"/> for invalid options, <see cref="IOException"/> when the address is taken.</summary>
    public static async Task<SandboxHost> StartAsync(
        SandboxHostOptions options, Action<IServiceCollection> addServices, Action<IEndpointRouteBuilder> mapEndpoints)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(addServices);
        ArgumentNullException.ThrowIfNull(mapEndpoints);
        options.Validate();

        var app = Build(options, addServices, mapEndpoints);
        try
        {
            // Route overrides can be checked only once the simulator's endpoints are mapped.
            var routes = app.Services.GetRequiredService<SandboxRoutes>();
            routes.Learn(((IEndpointRouteBuilder)app).DataSources);
            if (app.Services.GetRequiredService<FaultInjector>().Settings.UnknownRoute(routes.Known) is { } problem)
            {
                throw new ArgumentException($"Invalid fault options: {problem}", nameof(options));
            }

            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private static WebApplication Build(
        SandboxHostOptions options, Action<IServiceCollection> addServices, Action<IEndpointRouteBuilder> mapEndpoints)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // Ignore the configuration of whatever directory hosts the simulator, and stay quiet.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoOpHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Address, options.Port));

        var faults = new FaultInjector(options.Faults.ToSettings(), options.FaultResponder, options.TimeProvider);
        var log = new RequestLog();
        builder.Services.AddSingleton(new SandboxRoutes());
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton<ISandboxResettable>(faults);
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton<ISandboxResettable>(log);
        addServices(builder.Services);

        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        mapEndpoints(app);
        app.MapSandboxFaults();
        app.MapSandboxInspection();
        return app;
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

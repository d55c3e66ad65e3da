using System.Security.Cryptography;
using Freight.Cli.Hosting;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Dataset;
using Freight.Sandbox.Faults;
using Freight.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Freight.Cli.Demo;

/// <summary>
/// Everything <c>freight demo</c> runs in its own process, each on a free loopback port: the Affinity simulator
/// serving the dataset, an empty Attio simulator, both failing a share of requests, and Freight's server with its
/// worker over a fresh SQLite file and key ring in a temporary directory, a random admin key, and loopback on the
/// outbound allowlist so its jobs may reach the simulators. Disposing stops it all and deletes the directory.
/// </summary>
internal sealed class DemoStack : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly string _directory;
    private readonly WebApplication _server;

    private DemoStack(SandboxDataset data, AffinitySimulator affinity, AttioSimulator attio, WebApplication server, string adminKey, string directory)
    {
        Data = data;
        Affinity = affinity;
        Attio = attio;
        _server = server;
        _directory = directory;
        AdminKey = adminKey;
        ApiAddress = new Uri(server.Urls.First().TrimEnd('/') + "/");
    }

    public SandboxDataset Data { get; }

    public AffinitySimulator Affinity { get; }

    public AttioSimulator Attio { get; }

    /// <summary>Root of Freight's server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri ApiAddress { get; }

    /// <summary>The server's <c>X-Admin-Key</c>, random per run.</summary>
    public string AdminKey { get; }

    public static async Task<DemoStack> StartAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var data = SandboxDataset.ForRecordCount(settings.Seed, settings.Records);
        var directory = Directory.CreateTempSubdirectory("freight-demo-").FullName;
        AffinitySimulator? affinity = null;
        AttioSimulator? attio = null;
        try
        {
            affinity = await AffinitySimulator.StartAsync(data, new AffinitySimulatorOptions
            {
                Speed = settings.Speed,
                Faults = FaultOptions.Transient(settings.FaultRate, settings.Seed),
            }).ConfigureAwait(false);

            // The source's internal users are the target's workspace members, so deal owners resolve by email.
            attio = await AttioSimulator.StartAsync(new AttioSimulatorOptions
            {
                Speed = settings.Speed,
                Faults = FaultOptions.Transient(settings.FaultRate, settings.Seed + 1),
                WorkspaceMembers = AttioSimulatorOptions.MembersFrom(data),
            }).ConfigureAwait(false);

            var adminKey = "adm_" + RandomNumberGenerator.GetHexString(32, lowercase: true);
            var server = await StartServerAsync(directory, adminKey, cancellationToken).ConfigureAwait(false);
            return new DemoStack(data, affinity, attio, server, adminKey, directory);
        }
        catch
        {
            await DisposeAsync(attio).ConfigureAwait(false);
            await DisposeAsync(affinity).ConfigureAwait(false);
            DeleteDirectory(directory);
            throw;
        }
    }

    private static async Task<WebApplication> StartServerAsync(string directory, string adminKey, CancellationToken cancellationToken)
    {
        var builder = FreightServer.CreateBuilder(new Dictionary<string, string?>
        {
            ["Freight:Database"] = Path.Combine(directory, "freight.db"),
            ["Freight:KeyRing"] = Path.Combine(directory, "keys"),
            ["Freight:AdminKey"] = adminKey,
            ["Freight:OutboundAllowlist"] = "127.0.0.1",
            ["Freight:RunWorker"] = "true",
            ["Freight:MigrateOnStart"] = "true",
            ["Freight:PollInterval"] = "00:00:00.2",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        // The demo's output is its progress and its verdict; what fails reaches it through the API.
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, CliHost.CommandLifetime>();
        var server = FreightServer.Build(builder);
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(StopTimeout))
        {
            await _server.StopAsync(stopping.Token).ConfigureAwait(false);
        }

        await _server.DisposeAsync().ConfigureAwait(false);
        await Attio.DisposeAsync().ConfigureAwait(false);
        await Affinity.DisposeAsync().ConfigureAwait(false);
        DeleteDirectory(_directory);
    }

    private static async ValueTask DisposeAsync(IAsyncDisposable? simulator)
    {
        if (simulator is not null)
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void DeleteDirectory(string directory)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open (on Windows) stays in the temporary folder; the demo's result does not depend on it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

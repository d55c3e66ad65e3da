using System.Net.Http.Json;
using System.Text.Json;
using Freight.Core.Persistence;
using Freight.Server.Auth;
using Freight.Server.Hosting;
using Freight.TestUtils;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Freight.Server.Tests;

/// <summary>
/// Freight's REST API on a free loopback port, over a SQLite file and a key ring of its own, with the admin key
/// <see cref="AdminKey"/>, the worker off and a <see cref="ManualTimeProvider"/> clock; deleted on dispose.
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    public const string AdminKey = "admin-key-for-tests-7c1f0a9e";

    private readonly WebApplication _app;
    private readonly string _directory;

    private ApiServer(WebApplication app, string directory, ManualTimeProvider time)
    {
        _app = app;
        _directory = directory;
        Time = time;
        BaseAddress = new Uri(app.Urls.Single());
        Anonymous = Client();
        Admin = Client(AdminAuthentication.Header, AdminKey);
    }

    public Uri BaseAddress { get; }

    public ManualTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A client sending no key.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>A client sending the admin key.</summary>
    public HttpClient Admin { get; }

    /// <param name="settings">Settings over the test defaults, keys as in appsettings.</param>
    /// <param name="services">Registrations after the test ones, such as a real clock for a test that runs the worker.</param>
    public static async Task<ApiServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "freight-server-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var all = new Dictionary<string, string?>
        {
            ["Freight:Database"] = Path.Combine(directory, "freight.db"),
            ["Freight:KeyRing"] = Path.Combine(directory, "keys"),
            ["Freight:AdminKey"] = AdminKey,
            ["Freight:RunWorker"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var time = new ManualTimeProvider();
        var builder = FreightServer.CreateBuilder(all);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        services?.Invoke(builder.Services);
        var app = FreightServer.Build(builder);
        await app.StartAsync();
        return new ApiServer(app, directory, time);
    }

    /// <summary>
    /// The API with its worker on a real clock (jobs run as <c>freight serve</c> runs them), allowed to reach the
    /// simulators on loopback, polling for jobs every 50 ms.
    /// </summary>
    public static Task<ApiServer> StartWithWorkerAsync() => StartAsync(
        new Dictionary<string, string?>
        {
            ["Freight:RunWorker"] = "true",
            ["Freight:OutboundAllowlist"] = "127.0.0.1",
            ["Freight:PollInterval"] = "00:00:00.050",
        },
        services => services.AddSingleton(TimeProvider.System));

    public HttpClient Client(string? header = null, string? value = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (header is not null)
        {
            client.DefaultRequestHeaders.Add(header, value);
        }

        return client;
    }

    /// <summary>A client sending <paramref name="apiKey"/> as <c>X-API-Key</c>.</summary>
    public HttpClient Tenant(string apiKey) => Client(TenantAuthentication.Header, apiKey);

    /// <summary>Creates a tenant through the admin API; returns its id and first key.</summary>
    public async Task<(Guid Id, string ApiKey)> CreateTenantAsync(string slug)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/admin/tenants", new { name = slug.ToUpperInvariant(), slug });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return (body.GetProperty("id").GetGuid(), body.GetProperty("api_key").GetString()!);
    }

    /// <summary>
    /// The services of another Freight process on this server's database and key ring, such as a worker or a second
    /// API instance: its own stores, caches and connections. Dispose it.
    /// </summary>
    public ServiceProvider AnotherProcess() => new ServiceCollection()
        .AddSingleton<TimeProvider>(Time)
        .AddFreightPersistence(Path.Combine(_directory, "freight.db"), options => options.KeyRingDirectory = Path.Combine(_directory, "keys"))
        .BuildServiceProvider();

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

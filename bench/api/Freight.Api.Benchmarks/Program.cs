using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Freight.Server.Auth;
using Freight.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Freight.Api.Benchmarks;

/// <summary>
/// Starts, in this one process, Freight's API as <c>freight serve</c> builds it and a bare Kestrel app that answers
/// with the exact bytes of the API's <c>GET /api/v1/jobs/{id}</c>; prints both URLs and the tenant's key, then waits
/// for Ctrl+C or SIGTERM. <c>bench/api/run.sh</c> runs wrk against both.
/// </summary>
internal static class Program
{
    private const string AdminKey = "admin-key-for-the-api-benchmark";

    // Far above what two cores can send (about 2e9 per minute and per hour), so no request is refused, but the
    // limiter still counts every request in both windows and sets the X-RateLimit-* headers.
    private const string HighLimit = "2000000000";

    /// <param name="args"><c>--breakdown</c> adds the routes of <see cref="Breakdown"/> and times each step first.</param>
    public static async Task<int> Main(string[] args)
    {
        var breakdown = args.Contains("--breakdown");
        (byte[] Body, string ContentType) answer = ([], "application/json");
        var directory = Path.Combine(Path.GetTempPath(), "freight-api-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var api = await StartApiAsync(directory, breakdown ? app => Breakdown.MapRoutes(app, () => answer) : null);
            var apiUrl = api.Urls.Single();
            using var admin = new HttpClient { BaseAddress = new Uri(apiUrl) };
            admin.DefaultRequestHeaders.Add(AdminAuthentication.Header, AdminKey);
            var apiKey = await CreateTenantAsync(admin);
            using var tenant = new HttpClient { BaseAddress = new Uri(apiUrl) };
            tenant.DefaultRequestHeaders.Add(TenantAuthentication.Header, apiKey);
            var jobId = await CreateJobAsync(tenant);
            var path = $"/api/v1/jobs/{jobId}";
            var (body, contentType) = answer = await CaptureAsync(tenant, path);
            if (breakdown)
            {
                await Breakdown.TimeStepsAsync(api.Services, apiKey, jobId);
                var root = apiUrl.TrimEnd('/');
                Console.WriteLine($"pipeline_url={root}{Breakdown.PipelineOnly}");
                Console.WriteLine($"key_url={root}{Breakdown.WithKey}");
                Console.WriteLine($"key_limits_url={root}{Breakdown.WithKeyAndLimits}");
            }

            await using var bare = await StartBareAsync(path, body, contentType);
            var bareUrl = bare.Urls.Single();

            Console.WriteLine($"api_url={apiUrl.TrimEnd('/')}{path}");
            Console.WriteLine($"bare_url={bareUrl.TrimEnd('/')}{path}");
            Console.WriteLine($"api_key={apiKey}");
            Console.WriteLine($"content_type={contentType}");
            Console.WriteLine($"body_bytes={body.Length}");
            Console.WriteLine($"body={System.Text.Encoding.UTF8.GetString(body)}");
            Console.WriteLine("ready");
            await Console.Out.FlushAsync();

            await api.WaitForShutdownAsync();
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Freight's API as <c>freight serve</c> builds it: SQLite file and key ring of its own, worker off.</summary>
    private static async Task<WebApplication> StartApiAsync(string directory, Action<WebApplication>? mapMore)
    {
        var builder = FreightServer.CreateBuilder(new Dictionary<string, string?>
        {
            ["Freight:Database"] = Path.Combine(directory, "freight.db"),
            ["Freight:KeyRing"] = Path.Combine(directory, "keys"),
            ["Freight:AdminKey"] = AdminKey,
            ["Freight:RunWorker"] = "false",
            ["Freight:RequestsPerMinute"] = HighLimit,
            ["Freight:RequestsPerHour"] = HighLimit,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = FreightServer.Build(builder);
        mapMore?.Invoke(app);
        await app.StartAsync();
        return app;
    }

    private static async Task<string> CreateTenantAsync(HttpClient admin)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/tenants", new { name = "Bench", slug = "bench" });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating the tenant answered {(int)response.StatusCode}: {json}");
        }

        return json.GetProperty("api_key").GetString()!;
    }

    /// <summary>A job through <c>POST /api/v1/jobs</c>, credentials not checked (no connector is called).</summary>
    private static async Task<Guid> CreateJobAsync(HttpClient tenant)
    {
        var request = new Dictionary<string, object?>
        {
            ["source_system"] = "affinity",
            ["target_system"] = "attio",
            ["source_config"] = new Dictionary<string, object?> { ["api_key"] = "affinity-bench-secret" },
            ["target_config"] = new Dictionary<string, object?> { ["api_key"] = "attio-bench-secret" },
            ["verify_credentials"] = false,
        };
        using var response = await tenant.PostAsJsonAsync("/api/v1/jobs", request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating the job answered {(int)response.StatusCode}: {json}");
        }

        return json.GetProperty("id").GetGuid();
    }

    private static async Task<(byte[] Body, string ContentType)> CaptureAsync(HttpClient tenant, string path)
    {
        using var response = await tenant.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            await Console.Error.WriteLineAsync($"api header {header.Key}: {string.Join(", ", header.Value)}");
        }

        return (body, response.Content.Headers.ContentType!.ToString());
    }

    /// <summary>A bare Kestrel minimal app on another loopback port: the same path, bytes and content type.</summary>
    private static async Task<WebApplication> StartBareAsync(string path, byte[] body, string contentType)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoLifetime>();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        app.MapGet(path, context =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>The API's host owns Ctrl+C and SIGTERM; this one only stops when disposed.</summary>
    private sealed class NoLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

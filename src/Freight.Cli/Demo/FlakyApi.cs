using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Freight.Cli.Demo;

/// <summary>
/// A small API on loopback that behaves like a real CRM under load: offset/limit pages of companies, a rate limit
/// answered with 429 and <c>Retry-After</c>, and a share of requests that fail with 503 or a dropped connection.
/// </summary>
internal sealed class FlakyApi(WebApplication app, int records) : IAsyncDisposable
{
    private int _requests;
    private int _failures;

    public Uri BaseAddress => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public int Records { get; } = records;

    public int Requests => _requests;

    public int InjectedFailures => _failures;

    public static async Task<FlakyApi> StartAsync(int records, double faultRate, int seed = 7)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new FlakyApi(app, records);
        var random = new Random(seed);
        app.MapGet("/v1/companies", (HttpContext context) => api.ServePageAsync(context, random, faultRate));
        await app.StartAsync().ConfigureAwait(false);
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ServePageAsync(HttpContext context, Random random, double faultRate)
    {
        Interlocked.Increment(ref _requests);
        double roll;
        lock (random)
        {
            roll = random.NextDouble();
        }

        if (roll < faultRate)
        {
            Interlocked.Increment(ref _failures);
            switch ((int)(roll / faultRate * 3))
            {
                case 0:
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                case 1:
                    context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                default:
                    context.Abort();
                    return;
            }
        }

        var offset = int.Parse(context.Request.Query["offset"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        var limit = int.Parse(context.Request.Query["limit"].FirstOrDefault() ?? "100", CultureInfo.InvariantCulture);
        var page = Enumerable.Range(offset, Math.Max(0, Math.Min(limit, Records - offset)))
            .Select(i => new Company(i + 1, $"Company {i + 1}", $"company{i + 1}.example"));
        await context.Response.WriteAsJsonAsync(new { data = page }).ConfigureAwait(false);
    }
}

internal sealed record Company(int Id, string Name, string Domain);

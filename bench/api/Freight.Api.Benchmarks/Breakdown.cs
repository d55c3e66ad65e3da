using System.Diagnostics;
using System.Text.Json;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Freight.Core.Tenants;
using Freight.Server.Auth;
using Freight.Server.Hosting;
using Freight.Server.Jobs;
using Freight.Server.RateLimits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Api.Benchmarks;

/// <summary>
/// Where the API's time goes, for <c>--breakdown</c>: extra routes on the API's own pipeline that answer the
/// captured bytes with part of the work (wrk them like the real route), and a sequential in-process timing of each
/// step the real route takes. Not used by the ratio runs, whose API has only Freight's own routes.
/// </summary>
internal static class Breakdown
{
    public const string PipelineOnly = "/bench/pipeline";
    public const string WithKey = "/bench/key";
    public const string WithKeyAndLimits = "/bench/key-limits";

    /// <summary>Maps, on the API app before it starts: Freight's middleware only; + the key check; + key check and rate limits.</summary>
    public static void MapRoutes(WebApplication app, Func<(byte[] Body, string ContentType)> answer)
    {
        app.MapGet(PipelineOnly, context => WriteAsync(context, answer()));
        app.MapGroup(WithKey).RequireApiKey().MapGet("", context => WriteAsync(context, answer()));
        app.MapGroup(WithKeyAndLimits).RequireApiKey().RequireTenantRateLimits().MapGet("", context => WriteAsync(context, answer()));
    }

    private static Task WriteAsync(HttpContext context, (byte[] Body, string ContentType) answer)
    {
        context.Response.ContentType = answer.ContentType;
        context.Response.ContentLength = answer.Body.Length;
        return context.Response.Body.WriteAsync(answer.Body).AsTask();
    }

    /// <summary>Each step of <c>GET /api/v1/jobs/{id}</c> alone, one call at a time, after a warmup: µs per call.</summary>
    public static async Task TimeStepsAsync(IServiceProvider services, string apiKey, Guid jobId)
    {
        var keys = services.GetRequiredService<ApiKeyStore>();
        var jobs = services.GetRequiredService<JobStore>();
        var limiter = services.GetRequiredService<TenantRateLimiter>();
        var hasher = services.GetRequiredService<ApiKeyHasher>();
        var database = services.GetRequiredService<FreightDatabase>();
        var tenantId = (await keys.AuthenticateAsync(apiKey)).TenantId;
        var job = (await jobs.FindAsync(tenantId, jobId))!;

        await TimeAsync("ApiKeyStore.AuthenticateAsync (context, prefix query, HMAC)", 2000, async () => await keys.AuthenticateAsync(apiKey));
        await TimeAsync("JobStore.FindAsync (context, job query, phases query)", 2000, async () => await jobs.FindAsync(tenantId, jobId));
        await TimeAsync("TenantRateLimiter.Acquire", 200_000, () =>
        {
            limiter.Acquire(tenantId, jobCreation: false);
            return Task.CompletedTask;
        });
        await TimeAsync("ApiKeyHasher.Matches (HMAC-SHA256)", 200_000, () =>
        {
            hasher.Hash(apiKey);
            return Task.CompletedTask;
        });
        await TimeAsync("JobResponse.From + JSON serialization", 20_000, () =>
        {
            JsonSerializer.SerializeToUtf8Bytes(JobResponse.From(job), ServerJson.Options);
            return Task.CompletedTask;
        });
        var contexts = services.GetRequiredService<IDbContextFactory<FreightDbContext>>();
        await TimeAsync("EF Core: create + dispose a context", 20_000, async () =>
        {
            await using var context = await contexts.CreateDbContextAsync();
        });
        await TimeAsync("EF Core: context + AsNoTracking job by id (one query)", 2000, async () =>
        {
            await using var context = await contexts.CreateDbContextAsync();
            await context.Jobs.AsNoTracking().SingleOrDefaultAsync(row => row.Id == jobId);
        });
        var compiled = EF.CompileAsyncQuery((FreightDbContext context, Guid id) => context.Jobs.AsNoTracking().SingleOrDefault(row => row.Id == id));
        await TimeAsync("EF Core: context + the same query precompiled (EF.CompileAsyncQuery)", 2000, async () =>
        {
            await using var context = await contexts.CreateDbContextAsync();
            await compiled(context, jobId);
        });
        await using (var context = await contexts.CreateDbContextAsync())
        {
            Console.WriteLine("sql " + context.Jobs.AsNoTracking().Where(row => row.Id == jobId).ToQueryString().ReplaceLineEndings(" "));
        }

        await TimeAsync("EF Core: context + SELECT 1 through the context's connection", 2000, async () =>
        {
            await using var context = await contexts.CreateDbContextAsync();
            await context.Database.ExecuteSqlRawAsync("SELECT 1");
        });
        await TimeAsync("SqliteConnection open from pool + close", 5000, async () =>
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
        });
        await TimeAsync("SqliteConnection open + the PRAGMAs each EF Core connection runs", 5000, async () =>
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync();
        });
        await TimeAsync("SqliteConnection open + SELECT 1", 5000, async () =>
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync();
        });
    }

    private static async Task TimeAsync(string name, int calls, Func<Task> call)
    {
        for (var i = 0; i < calls / 10; i++)
        {
            await call();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        Console.WriteLine($"step {watch.Elapsed.TotalMicroseconds / calls,10:F2} µs  {name}");
    }
}

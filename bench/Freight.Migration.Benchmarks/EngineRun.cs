using System.Text.Json;
using Freight.Connectors;
using Freight.Connectors.Affinity;
using Freight.Connectors.Attio;
using Freight.Core.Domain;
using Freight.Core.Engine;
using Freight.Core.Jobs;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Freight.Migration.Benchmarks;

/// <summary>
/// The engine as a worker runs it: Freight's persistence and engine registrations in a generic host, the database
/// migrated, one Affinity → Attio job created, and the hosted worker claiming and running it until it ends.
/// </summary>
internal sealed class EngineRun : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly IHost _host;

    public EngineRun(BenchDatabase database)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        // The engine's errors only: every refused record is also a Freight.Http error, and the outcome lists those.
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Error).AddFilter("Freight.Http", LogLevel.None);
        builder.Services
            .AddFreightPersistence(database.ConnectionString, options =>
            {
                options.MigrateOnStart = false;
                options.KeyRingDirectory = database.KeyRingDirectory;
            })
            .AddFreightEngine(
                new ConnectorRegistry([AffinitySource.Descriptor, AttioTarget.Descriptor]),
                options => options.OutboundAllowlist = "127.0.0.1",
                runWorker: true);
        _host = builder.Build();
    }

    public JobStore Jobs => _host.Services.GetRequiredService<JobStore>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Migrates the database and creates the job, with connector budgets equal to the simulators' real limits.</summary>
    public async Task<Job> CreateJobAsync(BenchmarkSettings settings, SandboxProcess sandbox, CancellationToken cancellationToken)
    {
        await _host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var time = _host.Services.GetRequiredService<TimeProvider>();
        var tenant = Tenant.Create("Benchmark", "benchmark", time.GetUtcNow());
        await using (var context = await _host.Services.GetRequiredService<IDbContextFactory<FreightDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            context.Tenants.Add(tenant);
            await context.SaveChangesAsync(cancellationToken);
        }

        var creation = await Jobs.CreateAsync(
            new NewJob
            {
                TenantId = tenant.Id,
                SourceSystem = "affinity",
                TargetSystem = "attio",
                SourceConfig = JsonSerializer.Serialize(new
                {
                    api_key = sandbox.Affinity.ApiKey,
                    base_url = sandbox.Affinity.BaseAddress.ToString().TrimEnd('/'),
                    requests_per_minute = settings.AffinityRequestsPerMinute,
                }),
                TargetConfig = JsonSerializer.Serialize(new
                {
                    api_key = sandbox.Attio.ApiKey,
                    base_url = sandbox.Attio.BaseAddress.ToString().TrimEnd('/'),
                    writes_per_second = settings.WritesPerSecond,
                    reads_per_second = settings.ReadsPerSecond,
                    max_parallel_writes = settings.MaxParallelWrites,
                }),
                BatchSize = settings.BatchSize,
            },
            cancellationToken);
        return creation.Job;
    }

    /// <summary>Starts the worker and waits until <paramref name="job"/> is finished; <paramref name="onPoll"/> sees each poll.</summary>
    public async Task<Job> RunUntilFinishedAsync(Job job, Func<Job, Task>? onPoll, CancellationToken cancellationToken)
    {
        await _host.StartAsync(cancellationToken);
        try
        {
            using var timer = new PeriodicTimer(PollInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var current = await Jobs.FindAsync(job.TenantId, job.Id, cancellationToken) ?? throw new InvalidOperationException("The job disappeared.");
                if (current.IsFinished)
                {
                    return current;
                }

                if (onPoll is not null)
                {
                    await onPoll(current);
                }
            }

            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            await _host.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose() => _host.Dispose();
}

using Freight.Cli.Hosting;
using Freight.Core.Engine;
using Freight.Core.Hosting;
using Freight.Core.Persistence;
using Freight.Sandbox.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Freight.Cli.Worker;

/// <summary>Builds the worker host from settings, runs it until the command is cancelled, then stops it.</summary>
internal static class WorkerRun
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, TextWriter error, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = Build(overrides);
        }
        catch (ArgumentException invalid)
        {
            await error.WriteLineAsync($"Invalid settings: {invalid.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        using (host)
        {
            var database = host.Services.GetRequiredService<FreightDatabase>();
            var worker = host.Services.GetRequiredService<EngineOptions>().WorkerId;
            try
            {
                if (host.Services.GetRequiredService<FreightSettings>().MigrateOnStart)
                {
                    await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
                }

                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }
            catch (System.Data.Common.DbException failure)
            {
                await error.WriteLineAsync($"Cannot use the database ({database}): {failure.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await error.WriteLineAsync($"Worker {worker} running jobs from {database}; Ctrl+C stops.").ConfigureAwait(false);
            await CliHost.WaitUntilCancelledAsync(cancellationToken).ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
    }

    private static IHost Build(IReadOnlyDictionary<string, string?> flags)
    {
        var builder = CliHost.CreateBuilder(flags);

        // Migrations run before the host starts, so a database that cannot be reached is one clear line, not a host failure.
        var settings = FreightSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddFreight(settings with { MigrateOnStart = false }, runWorker: true);
        return builder.Build();
    }
}

using System.CommandLine;
using Freight.Core.Hosting;
using Freight.Core.Persistence;
using Freight.Sandbox.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Freight.Cli.Hosting;

/// <summary>
/// What the commands that open Freight's database share: the <c>--database</c> option, and a host builder whose
/// settings come from <c>appsettings.json</c> in the working directory, then <c>FREIGHT_*</c> variables, then flags.
/// </summary>
internal static class CliHost
{
    public static Option<string?> DatabaseOption() => new("--database")
    {
        Description = "SQLite file, or SQLite or PostgreSQL connection string. Default: FREIGHT_DATABASE, else freight.db in the working directory.",
    };

    /// <summary>A builder with Freight's settings; <paramref name="flags"/> are settings by name ("Database") set on the command line.</summary>
    public static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> flags)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddFreightEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(flags
            .Where(flag => flag.Value is not null)
            .Select(flag => KeyValuePair.Create($"{FreightSettings.Section}:{flag.Key}", flag.Value)));

        // Commands report what fails with its cause; EF's own lines would say it twice.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        return builder;
    }

    /// <summary>
    /// Migrates the database first when <paramref name="migrate"/> (so an unreachable database is one clear line, not a
    /// host failure), starts <paramref name="host"/>, prints <paramref name="started"/>, and runs until Ctrl+C or SIGTERM.
    /// </summary>
    public static async Task<int> RunUntilCancelledAsync(
        IHost host, bool migrate, Func<string> started, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            if (migrate)
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
            await error.WriteLineAsync($"Cannot use the database ({host.Services.GetRequiredService<FreightDatabase>()}): {failure.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (IOException failure)
        {
            await error.WriteLineAsync($"Cannot start: {failure.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await error.WriteLineAsync(started()).ConfigureAwait(false);
        await WaitUntilCancelledAsync(cancellationToken).ConfigureAwait(false);
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Completes when <paramref name="cancellationToken"/> is cancelled (Ctrl+C, SIGTERM).</summary>
    private static async Task WaitUntilCancelledAsync(CancellationToken cancellationToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = cancellationToken.Register(() => stopped.TrySetResult()).ConfigureAwait(false);
        await stopped.Task.ConfigureAwait(false);
    }

    /// <summary>Ctrl+C and SIGTERM belong to the command (System.CommandLine cancels its token), not to the host.</summary>
    internal sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using System.CommandLine;
using Freight.Core.Hosting;
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

    /// <summary>Completes when <paramref name="cancellationToken"/> is cancelled (Ctrl+C, SIGTERM).</summary>
    public static async Task WaitUntilCancelledAsync(CancellationToken cancellationToken)
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

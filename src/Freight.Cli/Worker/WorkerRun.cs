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
            return await CliHost.RunUntilCancelledAsync(
                host,
                host.Services.GetRequiredService<FreightSettings>().MigrateOnStart,
                () => $"Worker {worker} running jobs from {database}; Ctrl+C stops.",
                error,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static IHost Build(IReadOnlyDictionary<string, string?> flags)
    {
        var builder = CliHost.CreateBuilder(flags);

        // CliHost migrates before the host starts.
        var settings = FreightSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddFreight(settings with { MigrateOnStart = false }, runWorker: true);
        return builder.Build();
    }
}

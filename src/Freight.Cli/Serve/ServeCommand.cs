using System.CommandLine;
using Freight.Cli.Hosting;
using Freight.Core.Hosting;
using Freight.Sandbox.Hosting;
using Freight.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Freight.Cli.Serve;

/// <summary><c>freight serve</c>: the REST API, with the engine's worker in the same process.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen, semicolon-separated.",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var database = CliHost.DatabaseOption();
        var command = new Command("serve", """
            Serve the REST API (/api/v1, docs at /api/docs) and run jobs in the same process, until Ctrl+C or SIGTERM.
            Settings also come from appsettings.json (section "Freight") and FREIGHT_* variables: FREIGHT_DATABASE,
            FREIGHT_ADMIN_KEY (opens /api/v1/admin), FREIGHT_OUTBOUND_ALLOWLIST, FREIGHT_CORS_ORIGINS, FREIGHT_RUN_WORKER, ...

            Examples:
              FREIGHT_ADMIN_KEY=change-me freight serve
              freight serve --urls http://0.0.0.0:8080 --database "Host=db;Database=freight;Username=freight"
            """)
        {
            urls,
            database,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(urls)!, parse.GetValue(database), parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string urls, string? database, TextWriter error, CancellationToken cancellationToken)
    {
        WebApplication app;
        bool migrate;
        try
        {
            var flags = new Dictionary<string, string?>();
            if (database is not null)
            {
                flags["Freight:Database"] = database;
            }

            var builder = FreightServer.CreateBuilder(flags);

            // CliHost migrates before the host starts.
            migrate = FreightSettings.From(builder.Configuration).MigrateOnStart;
            builder.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("Freight:MigrateOnStart", "false")]);
            builder.WebHost.UseUrls(urls);
            builder.Services.AddSingleton<IHostLifetime, CliHost.CommandLifetime>();
            app = FreightServer.Build(builder);
        }
        catch (ArgumentException invalid)
        {
            await error.WriteLineAsync($"Invalid settings: {invalid.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (app.ConfigureAwait(false))
        {
            return await CliHost.RunUntilCancelledAsync(
                app, migrate, () => $"Freight API on {string.Join(", ", app.Urls)} (docs at /api/docs); Ctrl+C stops.", error, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}

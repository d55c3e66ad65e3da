using System.CommandLine;
using Freight.Cli.Hosting;
using Freight.Core.Hosting;
using Freight.Core.Persistence;
using Freight.Sandbox.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Cli.Database;

/// <summary><c>freight db migrate</c>: brings the database's schema up to date, or lists what that would apply.</summary>
internal static class DatabaseCommand
{
    public static Command Create()
    {
        var database = CliHost.DatabaseOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "List the migrations the database lacks; apply nothing." };
        var migrate = new Command("migrate", """
            Apply the schema migrations the database lacks (freight worker also does it at start unless
            FREIGHT_MIGRATE_ON_START=false). Safe to run while other Freight processes use the database.

            Examples:
              freight db migrate
              freight db migrate --database "Host=db;Database=freight;Username=freight" --dry-run
            """)
        {
            database,
            dryRun,
        };
        migrate.SetAction((parse, cancellationToken) => MigrateAsync(
            parse.GetValue(database), parse.GetValue(dryRun), parse.InvocationConfiguration, cancellationToken));
        return new Command("db", "Manage Freight's database.") { migrate };
    }

    private static async Task<int> MigrateAsync(string? database, bool dryRun, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        ServiceProvider services;
        try
        {
            var settings = FreightSettings.From(CliHost.CreateBuilder(new Dictionary<string, string?> { ["Database"] = database }).Configuration);
            services = new ServiceCollection().AddFreightPersistence(settings.Database, settings.ConfigurePersistence).BuildServiceProvider();
        }
        catch (ArgumentException invalid)
        {
            await console.Error.WriteLineAsync($"Invalid settings: {invalid.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (services.ConfigureAwait(false))
        {
            var target = services.GetRequiredService<FreightDatabase>();
            var migrator = services.GetRequiredService<DatabaseMigrator>();
            try
            {
                var migrations = dryRun
                    ? await migrator.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)
                    : await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
                await console.Output.WriteLineAsync(migrations.Count == 0
                    ? $"{target}: up to date."
                    : $"{target}: {(dryRun ? "would apply" : "applied")} {string.Join(", ", migrations)}.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (System.Data.Common.DbException failure)
            {
                await console.Error.WriteLineAsync($"Cannot use the database ({target}): {failure.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        }
    }
}

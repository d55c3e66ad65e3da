using System.CommandLine;
using Freight.Cli.JobSpecs;

namespace Freight.Cli.Migrate;

/// <summary><c>freight migrate</c>: one migration run here, without a server, checkpointed in a local database.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var database = new Option<string?>("--database")
        {
            Description = "The SQLite file that holds the migration's checkpoint. Default: FREIGHT_DATABASE, else freight.db in the working directory.",
        };
        var json = new Option<bool>("--json") { Description = "One JSON line per progress change on standard output, instead of bars." };
        var spec = new JobSpecOptions();
        var command = new Command("migrate", """
            Migrate once, here, without a server: the engine runs in this process over a local database, with live
            progress per phase, and ends with a summary table. Every batch is checkpointed: after Ctrl+C (or a crash),
            running the same command again continues the unfinished migration instead of starting over.
            Keys also come from FREIGHT_SOURCE_KEY and FREIGHT_TARGET_KEY; the hosts of --source-url and --target-url
            may be private or loopback addresses (this is your own machine's migration).
            Exit codes: 0 completed (also with rejected records, with a warning), 1 failed, stopped or cancelled, 2 usage.

            Examples:
              freight migrate --source-key $AFFINITY_KEY --target-key $ATTIO_KEY
              freight migrate --source-url http://127.0.0.1:5101 --source-key KEY1 --target-url http://127.0.0.1:5102 --target-key KEY2 --entities companies,people
              freight migrate --database acme.db --batch-size 500 --dry-run --json
            """)
        {
            database,
            json,
        };
        spec.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            MigrateRun.RunAsync(parse, parse.GetValue(database), parse.GetValue(json), spec, cancellationToken));
        return command;
    }
}

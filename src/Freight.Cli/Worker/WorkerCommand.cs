using System.CommandLine;

namespace Freight.Cli.Worker;

/// <summary><c>freight worker</c>: claims jobs from the database and runs them until stopped.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var database = new Option<string?>("--database")
        {
            Description = "SQLite file, or SQLite or PostgreSQL connection string. Default: FREIGHT_DATABASE, else freight.db in the working directory.",
        };
        var workerId = new Option<string?>("--worker-id")
        {
            Description = "This worker's name in job leases, unique per process. Default: FREIGHT_WORKER_ID, else machine, process id and a random part.",
        };
        var command = new Command("worker", """
            Run jobs: claim the next queued job (or one whose worker stopped answering), run it to its end, repeat.
            Runs until Ctrl+C or SIGTERM; a job in hand is handed back and resumes from its checkpoint.
            Every setting also comes from appsettings.json (section "Freight") and FREIGHT_* variables:
            FREIGHT_DATABASE, FREIGHT_KEY_RING, FREIGHT_OUTBOUND_ALLOWLIST, FREIGHT_LEASE_DURATION (00:00:30), ...

            Examples:
              freight worker
              FREIGHT_DATABASE="Host=db;Database=freight;Username=freight" freight worker --worker-id worker-2
            """)
        {
            database,
            workerId,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string?>();
            Override(overrides, "Database", parse.GetValue(database));
            Override(overrides, "WorkerId", parse.GetValue(workerId));
            var console = parse.InvocationConfiguration;
            return WorkerRun.RunAsync(overrides, console.Error, cancellationToken);
        });
        return command;
    }

    private static void Override(Dictionary<string, string?> overrides, string setting, string? value)
    {
        if (value is not null)
        {
            overrides[$"Freight:{setting}"] = value;
        }
    }
}

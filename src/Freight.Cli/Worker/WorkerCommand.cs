using System.CommandLine;
using Freight.Cli.Hosting;

namespace Freight.Cli.Worker;

/// <summary><c>freight worker</c>: claims jobs from the database and runs them until stopped.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var database = CliHost.DatabaseOption();
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
        command.SetAction((parse, cancellationToken) => WorkerRun.RunAsync(
            new Dictionary<string, string?> { ["Database"] = parse.GetValue(database), ["WorkerId"] = parse.GetValue(workerId) },
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }
}

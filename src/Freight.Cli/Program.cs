using System.CommandLine;
using Freight.Cli.Database;
using Freight.Cli.Demo;
using Freight.Cli.Jobs;
using Freight.Cli.Keys;
using Freight.Cli.Migrate;
using Freight.Cli.Serve;
using Freight.Cli.Tenants;
using Freight.Cli.Worker;
using Freight.Sandbox.Hosting;

var root = new RootCommand("""
    Freight moves CRM data between SaaS APIs, safely. Every command has --help with examples.
    Exit codes: 0 done, 1 failed, 2 wrong command line.

    Examples:
      freight demo
      freight serve --urls http://127.0.0.1:8080
      freight migrate --source-key $AFFINITY_KEY --target-key $ATTIO_KEY
      freight jobs list --json
    """)
{
    DemoCommand.Create(),
    MigrateCommand.Create(),
    ServeCommand.Create(),
    SandboxCommand.Create(),
    WorkerCommand.Create(),
    TenantsCommand.Create(),
    KeysCommand.Create(),
    JobsCommand.Create(),
    DatabaseCommand.Create(),
};

// Ctrl+C and SIGTERM cancel the running command; a wrong command line exits 2. A failure no command expected is one
// line on standard error and exit code 1, never a stack trace.
try
{
    return await root.Parse(args).InvokeWithExitCodesAsync(
        new InvocationConfiguration { ProcessTerminationTimeout = ExitCodes.StopTimeout, EnableDefaultExceptionHandler = false });
}
catch (Exception error) when (error is not OutOfMemoryException)
{
    await Console.Error.WriteLineAsync($"error: {error.Message}");
    return ExitCodes.Failure;
}

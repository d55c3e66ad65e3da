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

var root = new RootCommand("Freight moves CRM data between SaaS APIs, safely.")
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

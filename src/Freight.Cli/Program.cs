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

// Ctrl+C and SIGTERM cancel the running command; a wrong command line exits 2.
return await root.Parse(args).InvokeWithExitCodesAsync();

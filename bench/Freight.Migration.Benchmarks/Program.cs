using System.CommandLine;
using System.Reflection;
using Freight.Core.Domain;
using Freight.Migration.Benchmarks;

var records = new Option<long>("--records") { Description = "Records in the dataset (SandboxDataset.ForRecordCount).", DefaultValueFactory = _ => 10_000 };
var seed = new Option<int>("--seed") { Description = "Seed of the dataset and of the faults.", DefaultValueFactory = _ => 42 };
var speed = new Option<double>("--speed") { Description = "The simulators' rate limits × this factor; the connectors' budgets follow.", DefaultValueFactory = _ => 4 };
var faults = new Option<string>("--faults")
{
    Description = "target (5 % 5xx, 2 % 429, 2 % dropped connections, +20-59 ms on every request), none, a whole-percent rate for the sandbox's "
        + "transient mix, or a mix such as 5xx=0.05,429=0.02,drop=0.01,latency=20,jitter=40.",
    DefaultValueFactory = _ => "target",
};
var database = new Option<string?>("--database") { Description = "A PostgreSQL connection string; a fresh database is made on that server. Default: a temporary SQLite file." };
var batchSize = new Option<int>("--batch-size") { Description = "The job's batch size.", DefaultValueFactory = _ => Job.DefaultBatchSize };
var parallelWrites = new Option<int?>("--parallel-writes") { Description = "Records the Attio connector writes at once (max_parallel_writes). Default: 10 × speed." };
var sandbox = new Option<string>("--sandbox") { Description = "Path of Freight.Sandbox.dll.", DefaultValueFactory = _ => DefaultSandboxPath() };

records.Validators.Add(result => Check(result.GetValueOrDefault<long>() is >= 1 and <= 10_000_000, "--records must be between 1 and 10000000.", result));
speed.Validators.Add(result => Check(result.GetValueOrDefault<double>() is > 0 and <= 10_000, "--speed must be above 0 and at most 10000.", result));
faults.Validators.Add(result => Check(FaultMix.Parse(result.GetValueOrDefault<string>() ?? "") is not null, "--faults must be target, none, a whole percent such as 0.05, or a mix such as 5xx=0.05,drop=0.01,latency=20.", result));
parallelWrites.Validators.Add(result => Check(result.GetValueOrDefault<int?>() is null or (>= 1 and <= 1000), "--parallel-writes must be between 1 and 1000.", result));
batchSize.Validators.Add(result => Check(result.GetValueOrDefault<int>() is >= Job.MinBatchSize and <= Job.MaxBatchSize,
    $"--batch-size must be between {Job.MinBatchSize} and {Job.MaxBatchSize}.", result));

var root = new RootCommand("Migrates a sandbox dataset from the Affinity simulator into the Attio one, as a worker does, and measures wall time against the target's write-rate bound and the engine process's memory.")
{
    records, seed, speed, faults, database, batchSize, parallelWrites, sandbox,
};
root.SetAction((parse, cancellationToken) => MigrationBenchmark.RunAsync(
    new BenchmarkSettings(
        parse.GetValue(records), parse.GetValue(seed), parse.GetValue(speed), FaultMix.Parse(parse.GetValue(faults)!)!,
        parse.GetValue(database), parse.GetValue(batchSize), parse.GetValue(sandbox)!, parse.GetValue(parallelWrites)),
    Console.Out,
    cancellationToken));
// Ctrl+C and SIGTERM cancel the run, so the sandbox process is stopped with it.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) });

// The sandbox built beside this benchmark, in the same configuration: src/Freight.Sandbox/bin/<configuration>/<tfm>/.
static string DefaultSandboxPath()
{
    var configuration = typeof(MigrationBenchmark).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
    var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Freight.slnx")))
        {
            return Path.Combine(directory.FullName, "src", "Freight.Sandbox", "bin", configuration, framework, "Freight.Sandbox.dll");
        }
    }

    return Path.Combine(AppContext.BaseDirectory, "Freight.Sandbox.dll");
}

static void Check(bool valid, string problem, System.CommandLine.Parsing.OptionResult result)
{
    if (!valid)
    {
        result.AddError(problem);
    }
}

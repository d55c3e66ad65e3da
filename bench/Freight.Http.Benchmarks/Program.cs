using BenchmarkDotNet.Running;
using Freight.Http.Benchmarks;

if (args is ["interleaved", ..])
{
    return await Interleaved.RunAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(ClientCallBenchmarks).Assembly).Run(args, RunConfig.Create());
return 0;

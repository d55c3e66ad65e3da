using BenchmarkDotNet.Running;
using Freight.Http.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ClientCallBenchmarks).Assembly).Run(args, RunConfig.Create());

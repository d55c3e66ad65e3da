using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Freight.Http.Benchmarks;

/// <summary>
/// One job for every benchmark: a single process, 3 warmup and 30 measured iterations of about 0.5 s each, which keeps
/// the whole run to a few minutes on two cores. The median is always shown: on a busy machine it is steadier than the mean.
/// </summary>
internal static class RunConfig
{
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance)
        .AddColumn(StatisticColumn.Median)
        .AddJob(Job.Default
            .WithId("Run")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(30));
}

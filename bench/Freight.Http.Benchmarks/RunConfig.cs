using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Freight.Http.Benchmarks;

/// <summary>
/// One job for every benchmark: 3 processes, each with 3 warmup and 15 measured iterations of about 0.5 s, which keeps
/// the whole run to about five minutes on two cores. A loopback round trip varies more from one process to the next
/// (thread and core placement) than within one, so the processes' iterations are pooled. The median is always shown:
/// on a busy machine it is steadier than the mean.
/// </summary>
internal static class RunConfig
{
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance)
        .AddColumn(StatisticColumn.Median)
        .AddJob(Job.Default
            .WithId("Run")
            .WithLaunchCount(3)
            .WithWarmupCount(3)
            .WithIterationCount(15));
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Freight.Http.Benchmarks;

/// <summary>A job that keeps the whole run to a few minutes on a two-core machine.</summary>
internal static class LoopbackConfig
{
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.Default
            .WithId("Loopback")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15));
}

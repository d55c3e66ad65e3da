namespace Freight.Http.Tests.Streaming;

/// <summary>
/// Tests that measure the process's retained memory run alone: allocations of tests running in parallel would
/// otherwise show up in their samples.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementGroup
{
    public const string Name = "Memory measuring";
}

namespace Freight.Sandbox.Tests.Dataset;

/// <summary>
/// Retained memory is process-wide: a test that samples it runs on its own, or other tests' allocations would be
/// counted as its growth.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementGroup
{
    public const string Name = "Memory measurement";
}

using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Tests.Dataset;

[Collection(MemoryMeasurementGroup.Name)]
public sealed class MemoryTests
{
    [Fact]
    public void Iterating_a_million_companies_keeps_retained_memory_flat()
    {
        var dataset = SandboxDataset.Generate(seed: 11, companies: 1_000_000);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var samples = new List<long>();
        long seen = 0;

        foreach (var company in dataset.Companies)
        {
            seen += company.Id > 0 ? 1 : 0;
            if (seen % 100_000 == 0)
            {
                samples.Add(GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        Assert.Equal(1_000_000, seen);
        Assert.Equal(10, samples.Count);
        // Nothing is retained per record: growth stays within a few MB however far the iteration goes.
        Assert.All(samples, growth => Assert.InRange(growth, long.MinValue, 4 * 1024 * 1024));
    }

    [Fact]
    public void Iterating_every_record_of_a_million_record_dataset_keeps_retained_memory_flat()
    {
        var dataset = SandboxDataset.ForRecordCount(seed: 12, records: 1_000_000);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var samples = new List<long>();
        long seen = 0;

        void Visit(object record)
        {
            if (++seen % 200_000 == 0)
            {
                samples.Add(GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        foreach (var record in dataset.Companies) { Visit(record); }
        foreach (var record in dataset.Persons) { Visit(record); }
        foreach (var record in dataset.Opportunities) { Visit(record); }
        foreach (var record in dataset.Notes) { Visit(record); }
        foreach (var record in dataset.ListEntries) { Visit(record); }

        Assert.Equal(dataset.Counts.Records, seen);
        Assert.True(seen >= 1_000_000);
        Assert.All(samples, growth => Assert.InRange(growth, long.MinValue, 4 * 1024 * 1024));
    }
}

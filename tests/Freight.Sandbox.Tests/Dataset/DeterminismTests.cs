using System.Text.Json;
using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Tests.Dataset;

public sealed class DeterminismTests
{
    private static string Serialize(SandboxDataset dataset) => JsonSerializer.Serialize(new
    {
        dataset.Companies,
        dataset.Persons,
        dataset.Opportunities,
        dataset.Notes,
        dataset.ListEntries,
        dataset.Lists,
        dataset.Fields,
        Summary = dataset.Summarize(),
    });

    [Fact]
    public void Same_seed_and_size_give_identical_json()
    {
        var first = Serialize(SandboxDataset.Generate(seed: 42, companies: 150));
        var second = Serialize(SandboxDataset.Generate(seed: 42, companies: 150));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_seeds_give_different_data()
    {
        var first = SandboxDataset.Generate(seed: 1, companies: 150);
        var second = SandboxDataset.Generate(seed: 2, companies: 150);

        Assert.NotEqual(Serialize(first), Serialize(second));
        Assert.NotEqual(
            JsonSerializer.Serialize(first.Persons.Take(50)),
            JsonSerializer.Serialize(second.Persons.Take(50)));
    }

    [Fact]
    public void A_record_read_by_index_equals_the_same_record_read_in_a_slice()
    {
        var dataset = SandboxDataset.Generate(seed: 7, companies: 500);

        var fromSlice = dataset.Persons.Slice(700, 10).ToList();

        Assert.Equal(10, fromSlice.Count);
        for (var i = 0; i < fromSlice.Count; i++)
        {
            Assert.Equal(JsonSerializer.Serialize(dataset.Persons[700 + i]), JsonSerializer.Serialize(fromSlice[i]));
            Assert.Equal(JsonSerializer.Serialize(fromSlice[i]), JsonSerializer.Serialize(dataset.Persons.FindById(fromSlice[i].Id)));
        }
    }

    [Fact]
    public void A_larger_dataset_keeps_the_records_of_a_smaller_one_except_those_that_reference_by_size()
    {
        // Names and traits depend only on (seed, index), so growing the dataset does not rename anyone.
        var small = SandboxDataset.Generate(seed: 9, companies: 100);
        var large = SandboxDataset.Generate(seed: 9, companies: 1000);

        Assert.Equal(
            small.Persons.Take(300).Select(p => (p.FirstName, p.LastName, p.ExpectedRejection)),
            large.Persons.Take(300).Select(p => (p.FirstName, p.LastName, p.ExpectedRejection)));
    }

    [Fact]
    public void Slices_past_the_end_are_cut_and_unknown_ids_are_not_found()
    {
        var dataset = SandboxDataset.Generate(seed: 3, companies: 10);

        Assert.Equal(2, dataset.Companies.Slice(8, 100).Count());
        Assert.Empty(dataset.Companies.Slice(10, 5));
        Assert.Null(dataset.Companies.FindById(0));
        Assert.Null(dataset.Companies.FindById(11));
        Assert.Equal(10, dataset.Companies.FindById(10)!.Id);
        Assert.Throws<ArgumentOutOfRangeException>(() => dataset.Companies[10]);
        Assert.Null(dataset.EntriesOf(99));
    }
}

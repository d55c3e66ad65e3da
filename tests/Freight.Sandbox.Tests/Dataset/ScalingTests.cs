using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Tests.Dataset;

public sealed class ScalingTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(1_000)]
    [InlineData(1_000_000)]
    public void Counts_scale_with_the_number_of_companies(int companies)
    {
        var counts = SandboxDataset.Generate(seed: 1, companies).Counts;

        Assert.Equal(companies, counts.Companies);
        Assert.Equal(3L * companies, counts.Persons);
        Assert.Equal(companies, counts.Opportunities);
        Assert.Equal(2L * companies, counts.Notes);
        Assert.Equal(companies / 2 + companies + companies, counts.ListEntries);
        Assert.Equal(9L * companies + companies / 2, counts.Records);
    }

    [Fact]
    public void Summary_shares_scale_with_size()
    {
        var small = SandboxDataset.Generate(seed: 1, companies: 1_000).Summarize();
        var large = SandboxDataset.Generate(seed: 1, companies: 100_000).Summarize();

        Assert.Equal(small.Mess.PersonsWithoutEmail * 100, large.Mess.PersonsWithoutEmail);
        Assert.Equal(small.Mess.CompaniesSharingDomain * 100, large.Mess.CompaniesSharingDomain);
        Assert.Equal(small.ExpectedRejections.Total * 100, large.ExpectedRejections.Total);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2_000)]
    [InlineData(1_000_000)]
    public void Record_count_sizing_gives_the_smallest_dataset_holding_that_many(long records)
    {
        var dataset = SandboxDataset.ForRecordCount(seed: 1, records);

        Assert.True(dataset.Counts.Records >= records);
        Assert.True(dataset.Counts.Companies == 1 || DatasetCounts.ForCompanies(dataset.Counts.Companies - 1).Records < records);
    }

    [Fact]
    public void Sizes_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SandboxDataset.Generate(seed: 1, companies: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SandboxDataset.Generate(seed: 1, companies: int.MaxValue));
    }
}

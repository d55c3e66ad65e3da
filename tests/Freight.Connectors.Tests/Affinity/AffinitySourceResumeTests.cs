namespace Freight.Connectors.Tests.Affinity;

/// <summary>Cursors resume with a new source exactly where a page ended; transient faults change nothing read.</summary>
public sealed class AffinitySourceResumeTests
{
    public static TheoryData<EntityKind> Kinds => [.. Enum.GetValues<EntityKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_pages_cursor_gives_a_new_source_the_same_page(EntityKind kind)
    {
        await using var harness = await AffinityHarness.StartAsync();
        var pages = await harness.ReadAllAsync(harness.Source(), kind);
        Assert.True(pages.Count > 1);

        foreach (var (cursor, page) in pages)
        {
            var again = await harness.Run(harness.Source().ReadPageAsync(kind, cursor, CancellationToken.None));

            Assert.Equal(page.NextCursor, again.NextCursor);
            Assert.Equal(Ids(page), Ids(again));
            Assert.Equal(Payloads(page), Payloads(again));
        }
    }

    [Fact]
    public async Task A_ten_percent_transient_fault_rate_changes_nothing_read()
    {
        await using var clean = await AffinityHarness.StartAsync();
        await using var faulty = await AffinityHarness.StartAsync(faults: 0.1);

        foreach (var kind in Enum.GetValues<EntityKind>())
        {
            var expected = await clean.ReadAllAsync(clean.Source(pageSize: 10), kind);
            var read = await faulty.ReadAllAsync(faulty.Source(pageSize: 10), kind);

            Assert.Equal(expected.Select(p => p.Cursor), read.Select(p => p.Cursor));
            Assert.Equal(expected.SelectMany(p => Payloads(p.Page)), read.SelectMany(p => Payloads(p.Page)));
        }

        using var http = new HttpClient { BaseAddress = faulty.Simulator.BaseAddress };
        using var log = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("_sandbox/requests"));
        var faults = log.RootElement.GetProperty("faults").GetProperty("by_kind");
        Assert.True(faults.GetProperty("server_error").GetInt64() > 0);
        Assert.True(faults.GetProperty("rate_limit").GetInt64() > 0);
        Assert.True(faults.GetProperty("dropped_before_processing").GetInt64() + faults.GetProperty("dropped_after_processing").GetInt64() > 0);
        Assert.True(faults.GetProperty("truncated_body").GetInt64() > 0);
    }

    [Fact]
    public async Task A_cursor_the_source_did_not_give_stops_the_job()
    {
        await using var harness = await AffinityHarness.StartAsync(companies: 10);

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Run(harness.Source().ReadPageAsync(EntityKind.ListEntries, "no-list", CancellationToken.None)));

        Assert.True(error.StopsJob);
        Assert.Equal("Cursor 'no-list' is not one the Affinity source gave.", error.Message);
    }

    private static List<string> Ids(SourcePage page) => [.. page.Records.Select(r => r.SourceId)];

    private static List<string> Payloads(SourcePage page) =>
        [.. page.Records.Select(r => System.Text.Encoding.UTF8.GetString(r.Payload.Span))];
}

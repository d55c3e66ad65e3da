using System.Net;
using Freight.Sandbox.Dataset;
using static Freight.Sandbox.Tests.Affinity.AffinityJson;

namespace Freight.Sandbox.Tests.Affinity;

public sealed class NoteTests
{
    [Fact]
    public async Task Notes_page_20_by_default_and_reach_every_note_once()
    {
        await using var harness = await SimulatorHarness.StartAsync(companies: 30); // 60 notes
        var ids = new List<long>();

        var (_, first) = await harness.GetAsync("v2/notes");
        ids.AddRange(Ids(first));
        for (var url = NextUrl(first); url is not null;)
        {
            var (_, page) = await harness.GetAsync(url);
            ids.AddRange(Ids(page));
            url = NextUrl(page);
        }

        Assert.Equal(20, Ids(first).Count);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), ids);
    }

    [Fact]
    public async Task Limit_zero_gives_an_empty_page_without_links()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, page) = await harness.GetAsync("v2/notes?limit=0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Ids(page));
        Assert.Null(NextUrl(page));
        Assert.Null(PrevUrl(page));
    }

    [Theory]
    [InlineData("v2/notes?limit=101", "limit")]
    [InlineData("v2/notes?includes=everything", "includes")]
    public async Task Invalid_notes_parameters_get_400_validation_error(string url, string param)
    {
        await using var harness = await SimulatorHarness.StartAsync();

        var (response, body) = await harness.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(param, SingleError(body).GetProperty("param").GetString());
    }

    [Fact]
    public async Task Note_shows_its_parents_only_in_requested_previews()
    {
        var data = SandboxDataset.Generate(seed: 7, companies: 30);
        var source = data.Notes.First(n => n.PersonIds.Count > 0 && n.CompanyIds.Count > 0);
        await using var harness = await SimulatorHarness.StartAsync(companies: 30, seed: 7);

        var (_, bare) = await harness.GetAsync($"v2/notes/{source.Id}");
        var (_, full) = await harness.GetAsync(
            $"v2/notes/{source.Id}?includes=personsPreview&includes=companiesPreview&includes=repliesCount");

        Assert.Equal("entities", bare.GetProperty("type").GetString());
        Assert.Equal(source.CreatorId, bare.GetProperty("creator").GetProperty("id").GetInt64());
        Assert.False(bare.TryGetProperty("personsPreview", out _));
        Assert.Equal(source.PersonIds, full.GetProperty("personsPreview").GetProperty("data").EnumerateArray()
            .Select(p => p.GetProperty("id").GetInt64()));
        Assert.Equal(source.CompanyIds, full.GetProperty("companiesPreview").GetProperty("data").EnumerateArray()
            .Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal(0, full.GetProperty("repliesCount").GetInt32());
        Assert.False(full.TryGetProperty("opportunitiesPreview", out _));
    }

    [Fact]
    public async Task Plain_text_note_is_sent_as_escaped_html()
    {
        var data = SandboxDataset.Generate(seed: 7, companies: 30);
        var source = data.Notes.First(n => n.Format == NoteFormat.PlainText);
        await using var harness = await SimulatorHarness.StartAsync(companies: 30, seed: 7);

        var (_, note) = await harness.GetAsync($"v2/notes/{source.Id}");

        Assert.Equal("<p>" + WebUtility.HtmlEncode(source.Content) + "</p>", note.GetProperty("content").GetProperty("html").GetString());
    }

    [Fact]
    public async Task Unknown_note_gets_404()
    {
        await using var harness = await SimulatorHarness.StartAsync(companies: 30);

        var (response, body) = await harness.GetAsync("v2/notes/61");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not-found", SingleError(body).GetProperty("code").GetString());
    }
}

using Freight.Connectors.Attio;
using static Freight.Connectors.Tests.Attio.Canonical;

namespace Freight.Connectors.Tests.Attio;

public sealed class AttioNoteTests
{
    [Fact]
    public async Task A_written_note_is_found_again_and_an_unwritten_one_is_not()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);
        await target.WrittenAsync(EntityKind.People, Person("5", "Ada", "Lovelace"));
        var note = Note("17", EntityKind.People, "5", "<p>Met <em>Ada</em></p><ul><li>one</li><li>two</li></ul>", NoteContentFormat.Html);

        Assert.False(target.IsIdempotent(EntityKind.Notes));
        Assert.Null(await target.FindWrittenAsync(EntityKind.Notes, note, CancellationToken.None));
        var written = await target.WrittenAsync(EntityKind.Notes, note);
        var found = await target.FindWrittenAsync(EntityKind.Notes, note, CancellationToken.None);
        var other = await target.FindWrittenAsync(EntityKind.Notes, Note("18", EntityKind.People, "5", "Met Ada"), CancellationToken.None);

        Assert.Equal(written.TargetId, found);
        Assert.Null(other);
        var stored = (await attio.GetAsync($"v2/notes/{written.TargetId}")).GetProperty("data");
        Assert.Equal("Note from Affinity #17", stored.GetProperty("title").GetString());
        Assert.Equal("Met *Ada*\n\n- one\n- two", stored.GetProperty("content_markdown").GetString());
        Assert.StartsWith("2024-03-04T05:06:07.891", stored.GetProperty("created_at").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_is_found_among_more_than_one_page_of_its_parents_notes()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target();
        await target.EnsureSchemaAsync(Schema(), CancellationToken.None);
        await target.WrittenAsync(EntityKind.Companies, Company("1", "Acme"));
        WriteResult.Written? last = null;
        for (var i = 0; i < 120; i++)
        {
            last = await target.WrittenAsync(EntityKind.Notes, Note($"{i}", EntityKind.Companies, "1", $"Plain note {i}"));
        }

        var found = await target.FindWrittenAsync(EntityKind.Notes, Note("119", EntityKind.Companies, "1", "Plain note 119"), CancellationToken.None);

        Assert.Equal(last!.TargetId, found);
        Assert.Null(await target.FindWrittenAsync(EntityKind.Notes, Note("119", EntityKind.Companies, "1", "Plain note 118"), CancellationToken.None));
    }

    [Theory]
    [InlineData("<p>Hello&nbsp;<strong>world</strong> &amp; co</p>", "Hello\u00a0**world** & co")]
    [InlineData("<p>One</p><p>Two<br>Three</p>", "One\n\nTwo\nThree")]
    [InlineData("<ol><li>a</li><li>b</li></ol>", "1. a\n2. b")]
    [InlineData("<p><a href=\"https://x.example/?a=1&amp;b=2\">link</a> <u>under</u> <span style=\"color:red\">red</span></p>", "[link](https://x.example/?a=1&b=2) under red")]
    [InlineData("plain text, no tags", "plain text, no tags")]
    public void Note_html_becomes_markdown(string html, string markdown) =>
        Assert.Equal(markdown, HtmlToMarkdown.Convert(html));
}

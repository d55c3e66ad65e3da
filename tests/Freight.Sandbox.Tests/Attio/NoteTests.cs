using Freight.Sandbox.Attio;
using Freight.TestUtils;

namespace Freight.Sandbox.Tests.Attio;

public sealed class NoteTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static string Note(string parentId, string title = "Imported from Affinity", string format = "plaintext",
        string content = "Line 1\nLine 2", string createdAt = "2023-03-28T08:38:41Z") =>
        $$$"""
        {"data":{"parent_object":"companies","parent_record_id":"{{{parentId}}}","title":"{{{title}}}","format":"{{{format}}}",
          "content":{{{System.Text.Json.JsonSerializer.Serialize(content)}}},"created_at":"{{{createdAt}}}"}}
        """;

    [Fact]
    public async Task A_note_is_stored_in_both_forms_and_read_back()
    {
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { TimeProvider = new ManualTimeProvider(Start) });
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");

        var created = await harness.PostAsync("v2/notes", Note(acme));
        var id = created.Data.GetProperty("id").GetProperty("note_id").GetString();
        var fetched = await harness.GetAsync($"v2/notes/{id}");

        Assert.Equal(200, created.Status);
        Assert.Equal("Line 1\nLine 2", created.Data.GetProperty("content_plaintext").GetString());
        Assert.Equal("Line 1\nLine 2", created.Data.GetProperty("content_markdown").GetString());
        Assert.Equal("2023-03-28T08:38:41.000000000Z", created.Data.GetProperty("created_at").GetString());
        Assert.Equal("companies", created.Data.GetProperty("parent_object").GetString());
        Assert.Equal(acme, created.Data.GetProperty("parent_record_id").GetString());
        Assert.Equal("api-token", created.Data.GetProperty("created_by_actor").GetProperty("type").GetString());
        Assert.Equal(created.Text, fetched.Text);
    }

    [Fact]
    public async Task Markdown_notes_get_a_plaintext_form_without_the_markers()
    {
        await using var harness = await AttioHarness.StartAsync();
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");

        var created = await harness.PostAsync("v2/notes", Note(acme, format: "markdown",
            content: "# Call\n**Bold** and *italic*, ~~old~~ ==new== [site](https://acme.example)\n- item"));

        Assert.Equal("Call\nBold and italic, old new site\n- item", created.Data.GetProperty("content_plaintext").GetString());
        Assert.StartsWith("# Call", created.Data.GetProperty("content_markdown").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_note_posted_twice_is_two_notes()
    {
        await using var harness = await AttioHarness.StartAsync();
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");

        var first = await harness.PostAsync("v2/notes", Note(acme));
        var second = await harness.PostAsync("v2/notes", Note(acme));

        Assert.NotEqual(first.Data.GetProperty("id").GetRawText(), second.Data.GetProperty("id").GetRawText());
        Assert.Equal(2, (await harness.GetAsync($"v2/notes?parent_object=companies&parent_record_id={acme}")).Data.GetArrayLength());
    }

    [Fact]
    public async Task A_note_on_a_missing_record_or_object_is_not_found()
    {
        await using var harness = await AttioHarness.StartAsync();

        (await harness.PostAsync("v2/notes", Note(Guid.Empty.ToString()))).AssertError(404, "not_found");
        (await harness.PostAsync("v2/notes", Note("x").Replace("companies", "planets", StringComparison.Ordinal))).AssertError(404, "not_found");
    }

    [Theory]
    [InlineData("format", "html")]
    [InlineData("created_at", "2999-01-01T00:00:00Z")]
    [InlineData("created_at", "1969-12-31T23:59:59Z")]
    [InlineData("created_at", "last week")]
    public async Task Notes_Attio_refuses_are_validation_errors(string field, string value)
    {
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { TimeProvider = new ManualTimeProvider(Start) });
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");

        var reply = await harness.PostAsync("v2/notes", field == "format" ? Note(acme, format: value) : Note(acme, createdAt: value));

        reply.AssertError(400, "validation_type");
        Assert.Equal(["data", field], Assert.Single(reply.Body.GetProperty("validation_errors").EnumerateArray().ToList())
            .GetProperty("path").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Notes_are_listed_ten_at_a_time_by_default_at_most_fifty_and_filtered_by_parent()
    {
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { Speed = 100 });
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");
        var ada = await harness.CreateAsync("people", """{"name":"Ada"}""");
        for (var i = 0; i < 12; i++)
        {
            await harness.PostAsync("v2/notes", Note(acme, title: $"Note {i}"));
        }

        await harness.PostAsync("v2/notes", Note(ada).Replace("companies", "people", StringComparison.Ordinal));

        var firstPage = await harness.GetAsync("v2/notes");
        var rest = await harness.GetAsync("v2/notes?limit=50&offset=10");
        var ofAcme = await harness.GetAsync($"v2/notes?parent_object=companies&parent_record_id={acme}&limit=50");
        var ofPeople = await harness.GetAsync("v2/notes?parent_object=people");

        Assert.Equal(10, firstPage.Data.GetArrayLength());
        Assert.Equal("Note 0", firstPage.Data[0].GetProperty("title").GetString());
        Assert.Equal(3, rest.Data.GetArrayLength());
        Assert.Equal(12, ofAcme.Data.GetArrayLength());
        Assert.Equal(ada, Assert.Single(ofPeople.Data.EnumerateArray().ToList()).GetProperty("parent_record_id").GetString());
        (await harness.GetAsync("v2/notes?limit=51")).AssertError(400, "validation_type");
        (await harness.GetAsync("v2/notes?offset=-1")).AssertError(400, "validation_type");
    }

    [Fact]
    public async Task A_deleted_note_is_gone()
    {
        await using var harness = await AttioHarness.StartAsync();
        var acme = await harness.CreateAsync("companies", """{"name":"Acme"}""");
        var id = (await harness.PostAsync("v2/notes", Note(acme))).Data.GetProperty("id").GetProperty("note_id").GetString();

        var deleted = await harness.DeleteAsync($"v2/notes/{id}");

        Assert.Equal("{}", deleted.Text);
        (await harness.GetAsync($"v2/notes/{id}")).AssertError(404, "not_found");
        (await harness.DeleteAsync($"v2/notes/{id}")).AssertError(404, "not_found");
        Assert.Equal(0, (await harness.GetAsync("v2/notes")).Data.GetArrayLength());
    }
}

using Freight.Connectors.Affinity;

namespace Freight.Connectors.Tests.Affinity;

public sealed class AffinitySourcePacingTests
{
    [Theory]
    [InlineData(900, 885, 15)]
    [InlineData(60, 59, 1)]
    [InlineData(1, 1, 1)]
    public void The_token_bucket_keeps_any_minute_within_requests_per_minute(int perMinute, int permits, int burst)
    {
        var config = new AffinityConfig("key-1", new Uri("https://api.affinity.co/"), perMinute);

        var limit = AffinitySource.RateLimitFor(config);

        Assert.Equal((permits, burst, TimeSpan.FromMinutes(1)), (limit.PermitLimit, limit.Burst, limit.Period));
        Assert.StartsWith("affinity:api.affinity.co:", limit.Key);
        Assert.NotEqual(limit.Key, AffinitySource.RateLimitFor(config with { ApiKey = "key-2" }).Key);
        Assert.DoesNotContain("key-1", limit.Key);
    }

    [Theory]
    [InlineData("<p>Met the founders &amp; the team.</p>", NoteContentFormat.PlainText, "Met the founders & the team.")]
    [InlineData("<p>line one\nline two</p>", NoteContentFormat.PlainText, "line one\nline two")]
    [InlineData("<p>a</p><p>b</p>", NoteContentFormat.Html, "<p>a</p><p>b</p>")]
    [InlineData("<div><p>a</p></div>", NoteContentFormat.Html, "<div><p>a</p></div>")]
    [InlineData("", NoteContentFormat.Html, "")]
    public void A_note_that_is_one_paragraph_of_text_is_plain_text(string html, NoteContentFormat format, string content) =>
        Assert.Equal((format, content), AffinitySource.Content(html));
}

using System.Text;

namespace Freight.Sandbox.Dataset;

/// <summary>Note bodies: short plain text, short HTML (lists, links, entities, Unicode), and long bodies over 10 KB.</summary>
internal static class NoteContent
{
    private static readonly string[] Sentences =
    [
        "Met the founders for coffee; strong technical team.",
        "Follow up next week about pricing & timeline.",
        "Intro via a mutual friend — very warm.",
        "They are raising a seed round, 2–3 M€ target.",
        "Asked for the deck and the cap table.",
        "Call moved to Thursday 15:00 CET.",
        "Customer references look solid (3/3 positive).",
        "Concern: burn rate is high relative to revenue.",
        "Zoë mentioned a possible partnership with 東京データ.",
        "Board meeting notes: Q3 targets met, hiring paused.",
    ];

    public static (NoteFormat Format, string Content) Create(ref Rng rng, NoteBody body) => body switch
    {
        NoteBody.Html => (NoteFormat.Html, ShortHtml(ref rng)),
        NoteBody.LongHtml => (NoteFormat.Html, LongHtml(ref rng)),
        NoteBody.LongPlain => (NoteFormat.PlainText, LongPlain(ref rng)),
        _ => (NoteFormat.PlainText, ShortPlain(ref rng)),
    };

    private static string ShortPlain(ref Rng rng)
    {
        var builder = new StringBuilder();
        var count = rng.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? "" : i % 2 == 0 ? "\n" : " ").Append(rng.Pick(Sentences));
        }

        return builder.ToString();
    }

    private static string ShortHtml(ref Rng rng)
    {
        var first = rng.Pick(Sentences);
        var second = rng.Pick(Sentences);
        return rng.Next(3) switch
        {
            0 => $"<p>{Escape(first)}</p><ul><li>{Escape(second)}</li><li><strong>Next:</strong> send &quot;term sheet&quot;</li></ul>",
            1 => $"<p>{Escape(first)}<br>{Escape(second)}</p><p><a href=\"https://example.com/deck?id=1&amp;v=2\">Deck</a></p>",
            _ => $"<div><h3>Notes</h3><p>{Escape(first)}</p><p><em>{Escape(second)}</em> &nbsp;&#x2714;</p></div>",
        };
    }

    private static string LongPlain(ref Rng rng)
    {
        var target = rng.Next(Proportions.LongNoteMinChars, Proportions.LongNoteMaxChars);
        var builder = new StringBuilder(target + 200);
        var paragraph = 0;
        while (builder.Length < target)
        {
            builder.Append("Paragraph ").Append(++paragraph).Append(": ");
            for (var i = 0; i < 6; i++)
            {
                builder.Append(rng.Pick(Sentences)).Append(' ');
            }

            builder.Append("\n\n");
        }

        return builder.ToString();
    }

    private static string LongHtml(ref Rng rng)
    {
        var target = rng.Next(Proportions.LongNoteMinChars, Proportions.LongNoteMaxChars);
        var builder = new StringBuilder(target + 200);
        builder.Append("<h2>Diligence report</h2>");
        var row = 0;
        while (builder.Length < target)
        {
            builder.Append("<p>").Append(Escape(rng.Pick(Sentences))).Append(' ').Append(Escape(rng.Pick(Sentences))).Append("</p>");
            builder.Append("<table><tr><td>").Append(++row).Append("</td><td>").Append(rng.Next(1000, 99999))
                .Append(" €</td></tr></table>");
        }

        return builder.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal);
}

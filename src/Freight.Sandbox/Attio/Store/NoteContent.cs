using System.Text.RegularExpressions;

namespace Freight.Sandbox.Attio;

/// <summary>
/// A note's two forms (B6). Plaintext is kept as it is in both forms; markdown loses its markers in the plaintext
/// form: headings, emphasis, strikethrough, highlight and link targets [UNCONFIRMED: Attio's exact rendering].
/// </summary>
internal static partial class NoteContent
{
    public static (string Plaintext, string Markdown) From(string format, string content) =>
        format == "markdown" ? (ToPlaintext(content), content) : (content, content);

    private static string ToPlaintext(string markdown)
    {
        var text = Heading().Replace(markdown, "");
        text = Link().Replace(text, "$1");
        return Emphasis().Replace(text, "");
    }

    [GeneratedRegex(@"^#{1,3}\s+", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__|~~|==|(?<![\w*])\*(?!\s)|(?<=\S)\*(?![\w*])")]
    private static partial Regex Emphasis();
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Freight.Connectors.Attio;

/// <summary>
/// Affinity's note HTML (p, br, strong/b, em/i, u, ol/ul/li, a, inline styles) as the markdown Attio's notes accept:
/// paragraphs, bold, italic, lists and links; underline, colours and unknown tags keep their text only.
/// </summary>
internal static partial class HtmlToMarkdown
{
    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var output = new StringBuilder(html.Length);
        var lists = new Stack<(bool Ordered, int Count)>();
        var links = new Stack<string?>();
        var position = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            output.Append(Text(html[position..tag.Index]));
            position = tag.Index + tag.Length;
            var closing = tag.Groups["close"].Success;
            switch (tag.Groups["name"].Value.ToLowerInvariant())
            {
                case "p" or "div":
                    output.Append(closing ? "\n\n" : "");
                    break;
                case "br":
                    output.Append('\n');
                    break;
                case "strong" or "b":
                    output.Append("**");
                    break;
                case "em" or "i":
                    output.Append('*');
                    break;
                case "ul" or "ol" when !closing:
                    lists.Push((tag.Groups["name"].Value.Equals("ol", StringComparison.OrdinalIgnoreCase), 0));
                    break;
                case "ul" or "ol":
                    if (lists.Count > 0)
                    {
                        lists.Pop();
                    }

                    output.Append('\n');
                    break;
                case "li" when !closing:
                    var (ordered, count) = lists.Count > 0 ? lists.Pop() : (false, 0);
                    lists.Push((ordered, count + 1));
                    output.Append('\n').Append(' ', 2 * Math.Max(0, lists.Count - 1)).Append(ordered ? $"{count + 1}. " : "- ");
                    break;
                case "a" when !closing:
                    var href = Href().Match(tag.Value) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["url"].Value) : null;
                    links.Push(href);
                    output.Append(href is null ? "" : "[");
                    break;
                case "a":
                    if (links.Count > 0 && links.Pop() is { } url)
                    {
                        output.Append("](").Append(url).Append(')');
                    }

                    break;
            }
        }

        output.Append(Text(html[position..]));
        return BlankLines().Replace(output.ToString(), "\n\n").Trim();
    }

    private static string Text(string html) => WebUtility.HtmlDecode(Whitespace().Replace(html, " "));

    [GeneratedRegex(@"<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("href\\s*=\\s*[\"'](?<url>[^\"']*)[\"']", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[ \t]*\n[ \t]*(\n[ \t]*)+")]
    private static partial Regex BlankLines();
}

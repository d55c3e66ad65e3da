namespace Freight.Connectors.Affinity;

/// <summary>
/// Where a read stands: the list being read (<see cref="ListId"/>, for deals and list entries, which walk the lists
/// in id order) and Affinity's own cursor within it (null: its first page). Its text form is
/// <c>&lt;listId&gt;:&lt;affinity cursor&gt;</c>, or Affinity's cursor alone for kinds read from one route.
/// </summary>
internal readonly record struct AffinityCursor(long? ListId, string? Page)
{
    public static AffinityCursor Parse(string? text, bool perList)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new(null, null);
        }

        if (!perList)
        {
            return new(null, text);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), out var listId) || listId < 1)
        {
            throw new ConnectorException($"Cursor '{text}' is not one the Affinity source gave.", stopsJob: true);
        }

        var page = text[(colon + 1)..];
        return new(listId, page.Length == 0 ? null : page);
    }

    public override string ToString() => ListId is { } id ? $"{id}:{Page}" : Page ?? "";

    /// <summary>The <c>cursor</c> parameter of Affinity's absolute <c>nextUrl</c>, or null when there is no next page.</summary>
    public static string? FromNextUrl(string? nextUrl)
    {
        if (string.IsNullOrEmpty(nextUrl) || !Uri.TryCreate(nextUrl, UriKind.Absolute, out var uri))
        {
            return null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual("cursor"))
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}

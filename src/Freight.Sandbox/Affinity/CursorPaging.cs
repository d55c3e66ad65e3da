using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Affinity;

/// <summary>One page's place in a collection: records [Offset, Offset + Limit).</summary>
internal readonly record struct PageWindow(int Offset, int Limit);

/// <summary>The range and default of an endpoint's <c>limit</c>.</summary>
internal readonly record struct PageLimits(int Min, int Default, int Max)
{
    /// <summary>Companies, persons, opportunities, lists, fields and list entries: 1–100, default 100.</summary>
    public static readonly PageLimits Standard = new(1, 100, 100);

    /// <summary>The beta notes endpoints: 0–100, default 20.</summary>
    public static readonly PageLimits Notes = new(0, 20, 100);
}

/// <summary>
/// v2 cursor paging (CRM_APIS.md A4): a bounded <c>limit</c> (<see cref="PageLimits"/>) and opaque cursors in absolute
/// <c>nextUrl</c>/<c>prevUrl</c>. A cursor names its route, offset and limit, so it is only valid on the
/// route that issued it and the next page needs no other parameter.
/// </summary>
internal static class CursorPaging
{
    public static bool TryRead(
        HttpRequest request, int total, PageLimits limits, out PageWindow window, out AffinityErrors? error)
    {
        window = default;
        error = null;
        int? limit = null;
        var limitText = request.Query["limit"];
        if (limitText.Count > 0)
        {
            if (limitText.Count > 1
                || !int.TryParse(limitText[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                || parsed < limits.Min || parsed > limits.Max)
            {
                error = AffinityErrors.Of("validation", $"limit must be an integer from {limits.Min} to {limits.Max}.", "limit");
                return false;
            }

            limit = parsed;
        }

        var offset = 0;
        var cursorText = request.Query["cursor"];
        if (cursorText.Count > 0)
        {
            if (cursorText.Count > 1 || !TryDecode(cursorText[0]!, request.Path, total, limits, out offset, out var cursorLimit))
            {
                error = AffinityErrors.Of("validation", "cursor is not a valid cursor for this endpoint.", "cursor");
                return false;
            }

            limit ??= cursorLimit;
        }

        window = new PageWindow(offset, limit ?? limits.Default);
        return true;
    }

    public static PagedDto<TDto> Page<TDto>(
        HttpRequest request, PageWindow window, int total, Func<int, int, IEnumerable<TDto>> slice, bool withTotalCount = false)
    {
        var data = slice(window.Offset, window.Limit).ToList();
        var end = window.Offset + data.Count;
        // An empty page (limit 0) links nowhere: following it would return the same page forever.
        var next = data.Count > 0 && end < total ? Url(request, end, window.Limit) : null;
        var prev = window.Offset > 0 && window.Limit > 0 ? Url(request, Math.Max(0, window.Offset - window.Limit), window.Limit) : null;
        return new PagedDto<TDto>(data, new PaginationDto(prev, next, withTotalCount ? total : null));
    }

    // The request's other parameters (field selection, ids, includes) come along, as in Affinity's own
    // links (`?fieldTypes=global&fieldTypes=list&cursor=...`); the limit travels inside the cursor.
    private static string Url(HttpRequest request, int offset, int limit)
    {
        var url = new StringBuilder()
            .Append(request.Scheme).Append("://").Append(request.Host.Value).Append(request.PathBase.Value).Append(request.Path.Value)
            .Append('?');
        foreach (var (key, values) in request.Query)
        {
            if (key is "cursor" or "limit")
            {
                continue;
            }

            foreach (var value in values)
            {
                url.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? "")).Append('&');
            }
        }

        return url.Append("cursor=").Append(Encode(request.Path, offset, limit)).ToString();
    }

    private static string Encode(PathString path, int offset, int limit) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{path.Value}\n{offset}\n{limit}")));

    private static bool TryDecode(
        string cursor, PathString path, int total, PageLimits limits, out int offset, out int limit)
    {
        offset = 0;
        limit = 0;
        if (!Base64Url.IsValid(cursor))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('\n');
        return parts.Length == 3
            && parts[0] == path.Value
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out offset)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out limit)
            && offset <= total
            && limit >= limits.Min && limit <= limits.Max;
    }
}

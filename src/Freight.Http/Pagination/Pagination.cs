using System.Globalization;
using System.Text.Json;

namespace Freight.Http;

/// <summary>How an API splits a listing into pages. Use with <see cref="ApiClient.PaginateAsync{T}"/>.</summary>
public abstract class Pagination
{
    private protected Pagination(string itemsKey) => ItemsKey = itemsKey;

    /// <summary>The dotted key of the array of items in each page (<c>"data"</c>); empty when the page itself is the array.</summary>
    public string ItemsKey { get; }

    /// <summary>
    /// Page tokens: each page names the token of the next (<paramref name="nextTokenKey"/>), sent back as the query
    /// parameter <paramref name="tokenParameter"/>; a missing or empty token ends the listing.
    /// </summary>
    public static Pagination PageToken(string itemsKey = "data", string nextTokenKey = "next_page_token", string tokenParameter = "page_token") =>
        new PageTokenPagination(itemsKey, nextTokenKey, tokenParameter);

    /// <summary>Next-URL cursors: each page holds the absolute URL of the next (<paramref name="nextUrlKey"/>); a missing or null URL ends the listing.</summary>
    public static Pagination NextUrl(string itemsKey = "data", string nextUrlKey = "pagination.nextUrl") =>
        new NextUrlPagination(itemsKey, nextUrlKey);

    /// <summary>Offset and limit: pages of <paramref name="limit"/> items; a short page ends the listing.</summary>
    public static Pagination OffsetLimit(int limit = 100, string itemsKey = "data", string offsetParameter = "offset", string limitParameter = "limit")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return new OffsetLimitPagination(itemsKey, limit, offsetParameter, limitParameter);
    }

    /// <summary>The request for the first page.</summary>
    internal virtual ApiRequest First(ApiRequest request) => request;

    /// <summary>The request for the page after <paramref name="page"/>, or <see langword="null"/> at the end.</summary>
    internal abstract ApiRequest? Next(ApiRequest current, JsonElement page, int itemCount);

    private static string? ReadString(JsonElement page, string key) =>
        ResponseKey.TryFind(page, key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private sealed class PageTokenPagination(string itemsKey, string nextTokenKey, string tokenParameter) : Pagination(itemsKey)
    {
        internal override ApiRequest? Next(ApiRequest current, JsonElement page, int itemCount) =>
            ReadString(page, nextTokenKey) is { } token ? current.WithReplacedQuery(tokenParameter, token) : null;
    }

    private sealed class NextUrlPagination(string itemsKey, string nextUrlKey) : Pagination(itemsKey)
    {
        internal override ApiRequest? Next(ApiRequest current, JsonElement page, int itemCount) =>
            ReadString(page, nextUrlKey) is { } url ? current.WithPath(url) : null;
    }

    private sealed class OffsetLimitPagination(string itemsKey, int limit, string offsetParameter, string limitParameter) : Pagination(itemsKey)
    {
        private readonly string _limit = limit.ToString(CultureInfo.InvariantCulture);

        internal override ApiRequest First(ApiRequest request) =>
            request.WithReplacedQuery(offsetParameter, "0").WithReplacedQuery(limitParameter, _limit);

        internal override ApiRequest? Next(ApiRequest current, JsonElement page, int itemCount)
        {
            if (itemCount < limit)
            {
                return null;
            }

            var offset = current.Query.LastOrDefault(pair => pair.Key == offsetParameter).Value;
            var next = long.Parse(offset ?? "0", CultureInfo.InvariantCulture) + itemCount;
            return current.WithReplacedQuery(offsetParameter, next.ToString(CultureInfo.InvariantCulture));
        }
    }
}

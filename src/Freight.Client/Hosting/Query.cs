using System.Text.Json;
using Freight.Http;

namespace Freight.Client;

/// <summary>The pieces every list call shares: enum filters in snake_case, paging, and the walk over all pages.</summary>
internal static class Query
{
    /// <summary>The page size <c>ListAll…</c> asks for unless told otherwise.</summary>
    public const int DefaultPageSize = 100;

    public static string? Value<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } some ? JsonNamingPolicy.SnakeCaseLower.ConvertName(some.ToString()) : null;

    public static ApiRequest Page(this ApiRequest request, int? limit, int? offset) =>
        request.WithQuery("limit", limit).WithQuery("offset", offset);

    public static IAsyncEnumerable<T> All<T>(this ApiClient client, ApiRequest request, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        return client.PaginateAsync<T>(request, Pagination.OffsetLimit(pageSize, itemsKey: "items"), cancellationToken);
    }
}

using Freight.TestUtils;
using Microsoft.AspNetCore.WebUtilities;

namespace Freight.Http.Tests.Pagination;

/// <summary>Helpers for pagination tests: reading a listing to its end and the query of a recorded page request.</summary>
internal static class PagingClients
{
    /// <summary>The decoded value of one query parameter of a recorded request, or null when absent.</summary>
    public static string? Query(RecordedRequest request, string name) =>
        QueryHelpers.ParseQuery(request.QueryString).TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>Reads every item; the real-time safety net fails a listing that hangs.</summary>
    public static Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> items) => TestClients.Settled(Collect(items));

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var all = new List<T>();
        await foreach (var item in items)
        {
            all.Add(item);
        }

        return all;
    }
}

using Freight.TestUtils;
using Microsoft.AspNetCore.WebUtilities;

namespace Freight.Http.Tests.Pagination;

/// <summary>Options and helpers for pagination tests: virtual time, a private rate-limit registry, no timeouts or breaker.</summary>
internal static class PagingClients
{
    public static ApiClientOptions Options(ScriptedServer server, ManualTimeProvider time) => new()
    {
        BaseAddress = server.BaseAddress,
        TimeProvider = time,
        RateLimitRegistry = new RateLimitRegistry(),
        AttemptTimeout = Timeout.InfiniteTimeSpan,
        TotalTimeout = Timeout.InfiniteTimeSpan,
        Retry = { MaxAttempts = 1, Randomizer = () => 0.5 },
        CircuitBreaker = { Enabled = false },
    };

    /// <summary>The decoded value of one query parameter of a recorded request, or null when absent.</summary>
    public static string? Query(RecordedRequest request, string name) =>
        QueryHelpers.ParseQuery(request.QueryString).TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>Reads every item; the real-time safety net fails a listing that hangs.</summary>
    public static Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> items) => Collect(items).WaitAsync(TimeSpan.FromSeconds(10));

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

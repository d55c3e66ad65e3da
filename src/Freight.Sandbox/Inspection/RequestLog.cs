using System.Collections.Concurrent;
using Freight.Sandbox.Hosting;

namespace Freight.Sandbox.Inspection;

/// <summary>
/// Counts the requests a simulator answered by route and status, in O(1) without a lock: one array of
/// counters per route, indexed by status. Status 0 stands for a request that got no complete answer
/// (a dropped connection, a truncated body, a client that went away).
/// </summary>
internal sealed class RequestLog : ISandboxResettable
{
    public const int NoAnswer = 0;

    // Kestrel accepts statuses 100-999.
    private const int StatusSlots = 1000;

    private readonly ConcurrentDictionary<SandboxRoute, long[]> _routes = new();

    public void Record(SandboxRoute route, int status)
    {
        var statuses = _routes.GetOrAdd(route, static _ => new long[StatusSlots]);
        Interlocked.Increment(ref statuses[status is > 0 and < StatusSlots ? status : NoAnswer]);
    }

    /// <summary>Counts by route key, then by status; statuses never seen are left out.</summary>
    public SortedDictionary<string, SortedDictionary<int, long>> Snapshot()
    {
        var snapshot = new SortedDictionary<string, SortedDictionary<int, long>>(StringComparer.Ordinal);
        foreach (var (route, statuses) in _routes)
        {
            var counts = new SortedDictionary<int, long>();
            for (var status = 0; status < statuses.Length; status++)
            {
                if (Interlocked.Read(ref statuses[status]) is > 0 and var count)
                {
                    counts[status] = count;
                }
            }

            snapshot[route.Key] = counts;
        }

        return snapshot;
    }

    public void Reset() => _routes.Clear();
}

using System.Collections.Concurrent;
using Freight.Server.Hosting;

namespace Freight.Server.RateLimits;

/// <summary>
/// Per-tenant fixed-window counters on the registered <see cref="TimeProvider"/>: requests per minute and per hour,
/// and job creations per minute. A request is let through only when every window that applies has room, and then
/// counts in all of them; a refused request counts in none. Memory holds one small entry per tenant seen within
/// the longest window: entries whose windows have all ended are swept once per longest window.
/// </summary>
public sealed class TenantRateLimiter
{
    private readonly RateLimitWindow[] _windows;
    private readonly TimeProvider _time;
    private readonly TimeSpan _sweepEvery;
    private readonly ConcurrentDictionary<Guid, Counters> _tenants = new();
    private long _lastSweepIndex;

    public TenantRateLimiter(ServerSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _time = time;
        _windows =
        [
            new RateLimitWindow(settings.RequestsPerMinute, TimeSpan.FromMinutes(1), "requests per minute"),
            new RateLimitWindow(settings.RequestsPerHour, TimeSpan.FromHours(1), "requests per hour"),
            new RateLimitWindow(settings.JobCreationsPerMinute, TimeSpan.FromMinutes(1), "job creations per minute", JobCreationOnly: true),
        ];
        _sweepEvery = _windows.Max(window => window.Length);
    }

    public IReadOnlyList<RateLimitWindow> Windows => _windows;

    /// <summary>Tenants with live counters (for tests of the memory bound).</summary>
    internal int TrackedTenants => _tenants.Count;

    /// <summary>Counts a request of <paramref name="tenantId"/> if every window that applies has room.</summary>
    public RateLimitDecision Acquire(Guid tenantId, bool jobCreation)
    {
        var now = _time.GetUtcNow();
        Sweep(now);
        while (true)
        {
            var counters = _tenants.GetOrAdd(tenantId, static (_, count) => new Counters(count), _windows.Length);
            lock (counters)
            {
                // Swept between the lookup and the lock: counting here would be lost, so take the new entry.
                if (!counters.Removed)
                {
                    return Count(counters, jobCreation, now);
                }
            }
        }
    }

    private RateLimitDecision Count(Counters counters, bool jobCreation, DateTimeOffset now)
    {
        var full = false;
        for (var i = 0; i < _windows.Length; i++)
        {
            if (Applies(_windows[i], jobCreation))
            {
                counters.Roll(i, _windows[i].IndexAt(now));
                full |= counters.Count[i] >= _windows[i].Limit;
            }
        }

        for (var i = 0; i < _windows.Length && !full; i++)
        {
            if (Applies(_windows[i], jobCreation))
            {
                counters.Count[i]++;
            }
        }

        return Tightest(counters, jobCreation, allowed: !full, now);
    }

    private static bool Applies(RateLimitWindow window, bool jobCreation) => jobCreation || !window.JobCreationOnly;

    private RateLimitDecision Tightest(Counters counters, bool jobCreation, bool allowed, DateTimeOffset now)
    {
        RateLimitDecision? tightest = null;
        for (var i = 0; i < _windows.Length; i++)
        {
            var window = _windows[i];
            if (!Applies(window, jobCreation))
            {
                continue;
            }

            var remaining = Math.Max(0, window.Limit - counters.Count[i]);
            var resetAt = window.EndOf(counters.Index[i]);
            if (tightest is null || remaining < tightest.Remaining || (remaining == tightest.Remaining && resetAt > tightest.ResetAt))
            {
                tightest = new RateLimitDecision(allowed, window, remaining, resetAt, allowed ? TimeSpan.Zero : resetAt - now);
            }
        }

        return tightest!;
    }

    private void Sweep(DateTimeOffset now)
    {
        var index = now.UtcTicks / _sweepEvery.Ticks;
        var last = Interlocked.Read(ref _lastSweepIndex);
        if (index == last || Interlocked.CompareExchange(ref _lastSweepIndex, index, last) != last)
        {
            return;
        }

        foreach (var (tenantId, counters) in _tenants)
        {
            lock (counters)
            {
                var ended = _windows.Select((window, i) => counters.Index[i] < window.IndexAt(now)).All(over => over);
                if (ended)
                {
                    counters.Removed = true;
                    _tenants.TryRemove(KeyValuePair.Create(tenantId, counters));
                }
            }
        }
    }

    /// <summary>One tenant's count in each window, and which window the count is for.</summary>
    private sealed class Counters(int windows)
    {
        public long[] Index { get; } = new long[windows];

        public int[] Count { get; } = new int[windows];

        public bool Removed { get; set; }

        public void Roll(int window, long index)
        {
            if (Index[window] != index)
            {
                Index[window] = index;
                Count[window] = 0;
            }
        }
    }
}

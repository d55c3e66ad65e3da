using Freight.Sandbox.Inspection;

namespace Freight.Sandbox.Affinity;

/// <summary>
/// The per-minute and monthly budgets of the simulator's one user (CRM_APIS.md A2, A7 item 2); a sandbox
/// reset gives both back in full.
/// </summary>
internal sealed class UserRateLimit(int perMinute, int perMonth, TimeProvider time) : ISandboxResettable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();

    // Arrival times of the requests counted in the last minute: a sliding window, as Affinity's is.
    private readonly Queue<DateTimeOffset> _recent = new();
    private int _month = -1;
    private int _usedThisMonth;

    /// <summary>Counts a request if both budgets allow it; <paramref name="countsMonthly"/> is false for whoami.</summary>
    public RateDecision TryAcquire(bool countsMonthly)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Trim(now);
            var allowed = _recent.Count < perMinute && (!countsMonthly || _usedThisMonth < perMonth);
            if (allowed)
            {
                _recent.Enqueue(now);
                if (countsMonthly)
                {
                    _usedThisMonth++;
                }
            }

            return Snapshot(now, allowed);
        }
    }

    /// <summary>The budgets as they stand, without counting a request (for answers to unauthenticated calls).</summary>
    public RateDecision Peek()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Trim(now);
            return Snapshot(now, allowed: true);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _recent.Clear();
            _usedThisMonth = 0;
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (_recent.Count > 0 && _recent.Peek() + Window <= now)
        {
            _recent.Dequeue();
        }

        var month = (now.Year * 12) + now.Month;
        if (month != _month)
        {
            _month = month;
            _usedThisMonth = 0;
        }
    }

    private RateDecision Snapshot(DateTimeOffset now, bool allowed)
    {
        var userReset = _recent.Count == 0 ? Window : _recent.Peek() + Window - now;
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var orgReset = monthStart.AddMonths(1) - now;
        return new RateDecision(
            allowed,
            perMinute,
            perMinute - _recent.Count,
            CeilSeconds(userReset),
            perMonth,
            perMonth - _usedThisMonth,
            CeilSeconds(orgReset),
            _recent.Count >= perMinute);
    }

    private static int CeilSeconds(TimeSpan span) => (int)Math.Max(1, Math.Ceiling(span.TotalSeconds));
}

/// <summary>The outcome of one request against the budgets, and the values of the six rate headers.</summary>
internal readonly record struct RateDecision(
    bool Allowed,
    int UserLimit,
    int UserRemaining,
    int UserResetSeconds,
    int OrgLimit,
    int OrgRemaining,
    int OrgResetSeconds,
    bool UserExhausted);

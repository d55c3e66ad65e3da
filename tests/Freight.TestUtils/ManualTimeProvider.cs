namespace Freight.TestUtils;

/// <summary>
/// Virtual clock for tests. Time only moves when the test calls <see cref="Advance"/>, <see cref="SetUtcNow"/>
/// or <see cref="RunAsync"/>; due timers then fire synchronously on the calling thread. Nothing here sleeps.
/// </summary>
public sealed partial class ManualTimeProvider(DateTimeOffset? start = null) : TimeProvider
{
    private static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Same upper bound as System.Threading.Timer, so a test rejects what production would reject.
    private static readonly TimeSpan MaxTimerTime = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _pending = [];
    private readonly List<TimeSpan> _scheduledDueTimes = [];
    private readonly AsyncSignal _timersChanged = new();
    private DateTimeOffset _now = (start ?? DefaultStart).ToUniversalTime();
    private long _sequence;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Due time of every timer scheduled so far (on creation and on each finite Change), in order.</summary>
    public IReadOnlyList<TimeSpan> ScheduledDueTimes
    {
        get
        {
            lock (_lock)
            {
                return [.. _scheduledDueTimes];
            }
        }
    }

    public int PendingTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Virtual time from now until the earliest pending timer; null when none is pending.</summary>
    public TimeSpan? NextDueIn
    {
        get
        {
            lock (_lock)
            {
                return EarliestLocked() is { } timer ? timer.DueAt - _now : null;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    // Virtual ticks; monotonic because the clock never goes backwards.
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        Change(timer, dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing due timers in due-time order.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        AdvanceTo(GetUtcNow() + delta);
    }

    /// <summary>Jumps the clock forward to <paramref name="value"/>, firing due timers like <see cref="Advance"/>.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        var now = GetUtcNow();
        if (value < now)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Virtual time cannot go backwards (now {now:O}).");
        }

        AdvanceTo(value);
    }

    internal bool Change(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        ValidateTimerTime(dueTime, nameof(dueTime));
        ValidateTimerTime(period, nameof(period));
        lock (_lock)
        {
            if (timer.IsDisposed)
            {
                return false;
            }

            _pending.Remove(timer);
            timer.Period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            // A zero due time means "due now": it fires on the next Advance, never inside Change itself,
            // because callers such as CancellationTokenSource are still initialising at this point.
            timer.DueAt = _now + dueTime;
            timer.Sequence = ++_sequence;
            _pending.Add(timer);
            _scheduledDueTimes.Add(dueTime);
        }

        _timersChanged.Pulse();
        return true;
    }

    internal void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            timer.IsDisposed = true;
            _pending.Remove(timer);
        }
    }

    private void AdvanceTo(DateTimeOffset target)
    {
        try
        {
            while (true)
            {
                ManualTimer? timer;
                lock (_lock)
                {
                    timer = EarliestLocked();
                    if (timer is null || timer.DueAt > target)
                    {
                        _now = target > _now ? target : _now;
                        return;
                    }

                    // Callbacks observe their own due time as "now".
                    _now = timer.DueAt > _now ? timer.DueAt : _now;
                    _pending.Remove(timer);
                    if (timer.Period > TimeSpan.Zero)
                    {
                        timer.DueAt += timer.Period;
                        timer.Sequence = ++_sequence;
                        _pending.Add(timer);
                    }
                }

                // Outside the lock: callbacks may create, change or dispose timers.
                timer.Fire();
            }
        }
        finally
        {
            // Time moved, so remaining due times changed: let predicate-based waiters re-check.
            _timersChanged.Pulse();
        }
    }

    private ManualTimer? EarliestLocked()
    {
        ManualTimer? earliest = null;
        foreach (var timer in _pending)
        {
            if (earliest is null || timer.DueAt < earliest.DueAt
                || (timer.DueAt == earliest.DueAt && timer.Sequence < earliest.Sequence))
            {
                earliest = timer;
            }
        }

        return earliest;
    }

    private static void ValidateTimerTime(TimeSpan value, string name)
    {
        if (value != Timeout.InfiniteTimeSpan && (value < TimeSpan.Zero || value > MaxTimerTime))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be Timeout.InfiniteTimeSpan or between zero and 4294967294 ms.");
        }
    }
}

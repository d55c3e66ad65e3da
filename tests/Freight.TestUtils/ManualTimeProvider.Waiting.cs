namespace Freight.TestUtils;

public sealed partial class ManualTimeProvider
{
    /// <summary>
    /// Completes once a pending timer's remaining time-to-due satisfies <paramref name="dueInPredicate"/>
    /// (any pending timer when null). Woken by timer scheduling and clock moves, never by polling.
    /// </summary>
    /// <param name="dueInPredicate">Condition on a pending timer's remaining virtual time, e.g. <c>d => d == 5s</c>.</param>
    /// <param name="realTimeout">Real-time safety net (default 10 s); <see cref="TimeoutException"/> when exceeded.</param>
    public async Task WaitForPendingTimerAsync(Func<TimeSpan, bool>? dueInPredicate = null, TimeSpan? realTimeout = null)
    {
        var budget = new RealTimeBudget(realTimeout);
        while (true)
        {
            TimeSpan[] dueIns;
            Task changed;
            lock (_lock)
            {
                dueIns = [.. _pending.Select(timer => timer.DueAt - _now)];
                changed = _timersChanged.Next;
            }

            // The predicate is user code, so it runs outside the lock.
            if (dueIns.Any(dueIn => dueInPredicate?.Invoke(dueIn) ?? true))
            {
                return;
            }

            await budget.WaitAsync(changed, () =>
                $"No pending timer matched within {budget.Timeout} of real time. "
                + $"Pending due-ins: [{string.Join(", ", dueIns)}]; virtual now {GetUtcNow():O}.");
        }
    }

    /// <summary>
    /// Drives virtual time until <paramref name="work"/> completes: whenever a timer is pending the clock jumps
    /// to it; otherwise waits for the work to finish or to schedule a timer. Returns the work's result.
    /// </summary>
    /// <param name="work">The already-started operation under test.</param>
    /// <param name="realTimeout">Real-time safety net (default 10 s); <see cref="TimeoutException"/> when exceeded.</param>
    public async Task<T> RunAsync<T>(Task<T> work, TimeSpan? realTimeout = null)
    {
        await RunAsync((Task)work, realTimeout);
        return await work;
    }

    /// <inheritdoc cref="RunAsync{T}(Task{T}, TimeSpan?)"/>
    public async Task RunAsync(Task work, TimeSpan? realTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var budget = new RealTimeBudget(realTimeout);
        while (!work.IsCompleted)
        {
            // Checked on every iteration as well, so an endlessly re-arming periodic timer cannot spin forever.
            budget.ThrowIfExpired(Describe);

            DateTimeOffset? nextDue;
            Task changed;
            lock (_lock)
            {
                nextDue = EarliestLocked()?.DueAt;
                changed = _timersChanged.Next;
            }

            if (nextDue is { } due)
            {
                AdvanceTo(due);
                continue;
            }

            // After a timer fires, the work usually resumes on the thread pool (or does real I/O) before it
            // schedules its next timer; wait for that signal rather than spinning.
            await budget.WaitAsync(Task.WhenAny(work, changed), Describe);
        }

        await work;

        string Describe() =>
            $"The work did not complete within {budget.Timeout} of real time and no timer was pending "
            + $"(virtual now {GetUtcNow():O}, {PendingTimerCount} pending timer(s)). "
            + "Is it waiting on something other than this ManualTimeProvider?";
    }
}

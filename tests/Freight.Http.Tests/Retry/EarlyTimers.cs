using Freight.TestUtils;

namespace Freight.Http.Tests.Retry;

/// <summary>
/// A clock whose timers of 100 ms or more fire <see cref="Early"/> before their due time, as coarse real timers do;
/// shorter ones fire on time. The clock itself is <paramref name="clock"/>, which the test drives.
/// </summary>
internal sealed class EarlyTimers(ManualTimeProvider clock) : TimeProvider
{
    public static readonly TimeSpan Early = TimeSpan.FromMilliseconds(3);

    private static readonly TimeSpan FiresEarlyFrom = TimeSpan.FromMilliseconds(100);

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new Timer(clock.CreateTimer(callback, state, Shorten(dueTime), period));

    private static TimeSpan Shorten(TimeSpan dueTime) =>
        dueTime != Timeout.InfiniteTimeSpan && dueTime >= FiresEarlyFrom ? dueTime - Early : dueTime;

    private sealed class Timer(ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(Shorten(dueTime), period);

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

using System.Diagnostics;

namespace Freight.TestUtils;

/// <summary>
/// Real-time safety net for signal-based waits: a broken test fails with a clear message instead of hanging.
/// It never paces anything; waits complete as soon as their signal fires.
/// </summary>
internal sealed class RealTimeBudget
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly long _started = Stopwatch.GetTimestamp();

    public RealTimeBudget(TimeSpan? timeout)
    {
        Timeout = timeout ?? DefaultTimeout;
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The real-time timeout must be positive or infinite.");
        }
    }

    public TimeSpan Timeout { get; }

    private bool IsInfinite => Timeout == System.Threading.Timeout.InfiniteTimeSpan;

    public void ThrowIfExpired(Func<string> describe)
    {
        if (!IsInfinite && Stopwatch.GetElapsedTime(_started) >= Timeout)
        {
            throw new TimeoutException(describe());
        }
    }

    /// <summary>Waits for <paramref name="signal"/> (which must not fault) within the remaining budget.</summary>
    public async Task WaitAsync(Task signal, Func<string> describe)
    {
        if (IsInfinite)
        {
            await signal;
            return;
        }

        var remaining = Timeout - Stopwatch.GetElapsedTime(_started);
        if (remaining <= TimeSpan.Zero)
        {
            throw new TimeoutException(describe());
        }

        try
        {
            await signal.WaitAsync(remaining);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(describe(), ex);
        }
    }
}

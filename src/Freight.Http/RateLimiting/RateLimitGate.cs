using System.Threading.RateLimiting;

namespace Freight.Http;

/// <summary>One rate-limit key: a limiter shared by every client on the key, and a pause that a 429 sets.</summary>
internal sealed class RateLimitGate : IDisposable
{
    private readonly RateLimiter? _limiter;
    private readonly ITimer? _replenisher;
    private readonly TimeProvider _time;
    private long _pausedUntilTicks;

    public RateLimitGate(string key, RateLimitOptions options, TimeProvider time)
    {
        Key = key;
        _time = time;
        if (options.LimiterFactory is { } factory)
        {
            _limiter = factory(key);
        }
        else if (options.PermitLimit > 0)
        {
            // Tokens come back one at a time, evenly over the period; replenishment runs on the TimeProvider so
            // tests can drive it in virtual time.
            var interval = options.Period / options.PermitLimit;
            var bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Burst ?? options.PermitLimit,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = interval,
                AutoReplenishment = false,
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            _limiter = bucket;
            _replenisher = time.CreateTimer(static state => ((TokenBucketRateLimiter)state!).TryReplenish(), bucket, interval, interval);
        }
    }

    public string Key { get; }

    /// <summary>When the key's pause ends, or <see langword="null"/> when it is not paused.</summary>
    public DateTimeOffset? PausedUntil
    {
        get
        {
            var until = Interlocked.Read(ref _pausedUntilTicks);
            return until > _time.GetUtcNow().UtcTicks ? new DateTimeOffset(until, TimeSpan.Zero) : null;
        }
    }

    /// <summary>Waits out any pause, then for a permit. A refused permit is a result, not an exception.</summary>
    public async ValueTask<RateLimitLease?> AcquireAsync(CancellationToken cancellationToken)
    {
        while (PausedUntil is { } until)
        {
            await Task.Delay(until - _time.GetUtcNow(), _time, cancellationToken).ConfigureAwait(false);
        }

        if (_limiter is null)
        {
            return null;
        }

        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pauses every call on the key until <paramref name="until"/>; a longer pause already set wins.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        var ticks = until.UtcTicks;
        var current = Interlocked.Read(ref _pausedUntilTicks);
        while (ticks > current)
        {
            var seen = Interlocked.CompareExchange(ref _pausedUntilTicks, ticks, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    public void Dispose()
    {
        _replenisher?.Dispose();
        _limiter?.Dispose();
    }
}

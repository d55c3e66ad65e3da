using System.Threading.RateLimiting;

namespace Freight.Http;

/// <summary>One rate-limit key: a limiter shared by every client on the key, and a pause that a 429 sets.</summary>
internal sealed class RateLimitGate : IDisposable
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(10);

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
            // Tokens come back evenly over the period, in steps of at least MinInterval so a high limit does not
            // need a timer per token; replenishment runs on the TimeProvider so tests can drive it in virtual time.
            var tokensPerStep = (int)Math.Max(1, Math.Ceiling(options.PermitLimit * (MinInterval / options.Period)));
            var interval = options.Period * tokensPerStep / options.PermitLimit;
            var bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Burst ?? options.PermitLimit,
                TokensPerPeriod = tokensPerStep,
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
        while (PausedUntil is { } until && until - _time.GetUtcNow() is { Ticks: > 0 } pause)
        {
            await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
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

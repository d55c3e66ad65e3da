using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Freight.Http;

/// <summary>One rate-limit key: a limiter shared by every client on the key, and a pause that a 429 sets.</summary>
internal sealed class RateLimitGate : IDisposable
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(10);

    private readonly RateLimiter? _limiter;
    private readonly ConcurrentQueue<RateLimitLease>? _spentTokens;
    private readonly ITimer? _replenisher;
    private readonly TimeSpan _tokenInterval;
    private readonly int _tokensPerStep;
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
            // A token bucket on the TimeProvider: the bucket's tokens are the permits of a concurrency limiter, a taken
            // token stays taken after the call, and the replenisher gives tokens back evenly over the period, in steps
            // of at least MinInterval so a high limit does not need a timer per token. TokenBucketRateLimiter cannot
            // do this: replenished by hand, it credits tokens by Stopwatch time, which a virtual clock never moves.
            _tokensPerStep = (int)Math.Max(1, Math.Ceiling(options.PermitLimit * (MinInterval / options.Period)));
            var interval = _tokenInterval = options.Period * _tokensPerStep / options.PermitLimit;
            _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                // A bucket smaller than one step could never hold the tokens a step returns, and would cut the rate.
                PermitLimit = Math.Max(options.Burst ?? options.PermitLimit, _tokensPerStep),
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            _spentTokens = new ConcurrentQueue<RateLimitLease>();
            _replenisher = time.CreateTimer(static state => ((RateLimitGate)state!).ReturnTokens(), this, interval, interval);
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

    /// <summary>
    /// Waits out any pause, then for a permit. A refused permit is a result, not an exception. Returns the lease to hold
    /// for the call, or <see langword="null"/> when there is none to hold (no limiter, or a spent token-bucket token).
    /// </summary>
    public async ValueTask<RateLimitLease?> AcquireAsync(CancellationToken cancellationToken)
    {
        await WaitOutPauseAsync(cancellationToken).ConfigureAwait(false);
        if (_limiter is null)
        {
            return null;
        }

        var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!lease.IsAcquired)
            {
                return _spentTokens is null ? lease : Refused(lease);
            }

            // A 429 may have paused the key while the call queued for its permit.
            try
            {
                await WaitOutPauseAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                lease.Dispose();
                throw;
            }
        }

        if (_spentTokens is not null)
        {
            _spentTokens.Enqueue(lease);
            return null;
        }

        return lease;
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

    /// <summary>Waits until the key is not paused, reading the clock again after every wait: a timer that fires early does not end the pause.</summary>
    public async ValueTask WaitOutPauseAsync(CancellationToken cancellationToken)
    {
        while (PausedUntil is { } until)
        {
            // The clock may pass the pause's end between the two reads; a negative delay would throw.
            var wait = until - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A refusal that says when to try again: the queue ahead drains a step of tokens per interval.</summary>
    private RefusedLease Refused(RateLimitLease lease)
    {
        var queued = _limiter!.GetStatistics()?.CurrentQueuedCount ?? 0;
        lease.Dispose();
        return new RefusedLease(_tokenInterval * ((queued / _tokensPerStep) + 1));
    }

    private void ReturnTokens()
    {
        for (var i = 0; i < _tokensPerStep && _spentTokens!.TryDequeue(out var token); i++)
        {
            token.Dispose();
        }
    }

    public void Dispose()
    {
        _replenisher?.Dispose();
        _limiter?.Dispose();
    }

    private sealed class RefusedLease(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}

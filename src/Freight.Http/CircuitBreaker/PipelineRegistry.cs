using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Freight.Http;

/// <summary>
/// Builds and caches one resilience pipeline per breaker key, outermost first: total timeout → retry →
/// circuit breaker → attempt timeout. Each pipeline is built once and reused by every call for its key.
/// </summary>
internal sealed class PipelineRegistry(ApiClientOptions options, string clientName, ILogger logger)
{
    private const string OverflowKey = "*";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public ResiliencePipeline<HttpResponseMessage> Get(string key) => GetEntry(key).Pipeline;

    public CircuitState? GetState(string key) =>
        _entries.TryGetValue(key, out var entry) && entry.State is { } provider ? Map(provider.CircuitState) : null;

    public IReadOnlyDictionary<string, CircuitState> States => _entries
        .Where(pair => pair.Value.State is not null)
        .ToDictionary(pair => pair.Key, pair => Map(pair.Value.State!.CircuitState), StringComparer.OrdinalIgnoreCase);

    private Entry GetEntry(string key)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            return entry;
        }

        if (_entries.Count >= options.CircuitBreaker.MaxKeys)
        {
            key = OverflowKey;
        }

        return _entries.GetOrAdd(key, static (k, self) => self.Build(k), this);
    }

    private Entry Build(string key)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = clientName,
            InstanceName = key,
            TimeProvider = options.TimeProvider,
        };

        if (options.Retry.MaxAttempts > 1)
        {
            builder.AddRetry(CreateRetryOptions());
        }

        CircuitBreakerStateProvider? state = null;
        if (options.CircuitBreaker.Factory is { } factory)
        {
            builder.AddPipeline(factory(key));
        }
        else if (options.CircuitBreaker.Enabled)
        {
            state = new CircuitBreakerStateProvider();
            builder.AddCircuitBreaker(CreateBreakerOptions(key, state));
        }

        // One timeout per attempt enforces both limits: an attempt gets the attempt timeout or what is left of the
        // total, whichever is shorter, and the retry never starts a delay that would pass the total (see ShouldRetry).
        // A single strategy costs one timer per attempt where an outer total timeout would add a second.
        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan || options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(AttemptBudget(args.Context)),
            });
        }

        return new Entry(builder.Build(), state);
    }

    private RetryStrategyOptions<HttpResponseMessage> CreateRetryOptions()
    {
        var retry = options.Retry;
        var random = retry.Randomizer ?? Random.Shared.NextDouble;
        return new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = retry.MaxAttempts - 1,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber, random)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(CallState.Key, null!).NextDelay),
            OnRetry = args =>
            {
                var call = args.Context.Properties.GetValue(CallState.Key, null!);
                HttpMetrics.RecordRetry(clientName, call.Request.Method);
                Log.AttemptFailed(logger, args.AttemptNumber + 1, call.Request.Method, call.Uri.AbsolutePath, Describe(args.Outcome), args.RetryDelay);
                return default;
            },
        };
    }

    /// <summary>Decides whether to retry and, when it does, the delay before the next attempt.</summary>
    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attempt, Func<double> random)
    {
        var call = context.Properties.GetValue(CallState.Key, null!);
        if (call.UserToken.IsCancellationRequested || !call.IsRetrySafe(options.Retry.RetryUnsafeMethods))
        {
            return false;
        }

        var transient = outcome.Exception switch
        {
            null => options.Retry.StatusCodes.Contains((int)outcome.Result!.StatusCode),
            BrokenCircuitException or IsolatedCircuitException => false,
            _ => Outcomes.IsTransient(outcome.Exception),
        };
        if (!transient)
        {
            return false;
        }

        var time = options.TimeProvider;
        var remaining = call.Remaining(time);
        var retry = options.Retry;
        call.RetryNotBefore = null;
        if (ServerDelay(outcome, call) is { } wait)
        {
            // A server-named wait that cannot fit fails the call now rather than waiting in vain.
            if (wait > retry.MaxDelay || wait >= remaining)
            {
                return false;
            }

            // The server's moment counts from the response's arrival. It is kept, so the attempt can read the clock
            // again and wait out what an early timer left (ApiClient.WaitForRetryMomentAsync).
            var due = call.LastResponseAt.Timestamp + (long)Math.Ceiling(wait.TotalSeconds * time.TimestampFrequency);
            call.RetryNotBefore = due;
            var left = time.GetElapsedTime(time.GetTimestamp(), due);
            call.NextDelay = left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
        else
        {
            call.NextDelay = RetryDelays.Backoff(attempt, retry.BaseDelay, retry.MaxDelay, retry.JitterFactor, random());
        }

        // A 429 seen by any call pauses the key; a retry waits that pause out too.
        if (call.Gate?.PausedUntil - time.GetUtcNow() is { } pause && pause > call.NextDelay)
        {
            call.NextDelay = pause;
        }

        if (call.NextDelay >= remaining)
        {
            call.OutOfTime = true;
            return false;
        }

        return true;
    }

    /// <summary>The time one attempt may take: the attempt timeout, or what is left of the total if that is less.</summary>
    private TimeSpan AttemptBudget(ResilienceContext context)
    {
        var call = context.Properties.GetValue(CallState.Key, null!);
        var remaining = call.Remaining(options.TimeProvider);
        var attempt = options.AttemptTimeout == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : options.AttemptTimeout + WaitBeforeRetry(call);
        var budget = remaining < attempt ? remaining : attempt;

        // Polly reads zero or less as "no timeout": an exhausted total must still cut the attempt at once.
        return budget == TimeSpan.MaxValue ? Timeout.InfiniteTimeSpan : budget > TimeSpan.Zero ? budget : TimeSpan.FromTicks(1);
    }

    /// <summary>What a retry still waits before it is sent (an early timer's remainder, the key's pause); not part of its attempt timeout.</summary>
    private TimeSpan WaitBeforeRetry(CallState call)
    {
        if (call.Attempts == 0)
        {
            return TimeSpan.Zero;
        }

        var time = options.TimeProvider;
        var wait = call.RetryNotBefore is { } due ? time.GetElapsedTime(time.GetTimestamp(), due) : TimeSpan.Zero;
        if (call.Gate?.PausedUntil - time.GetUtcNow() is { } pause && pause > wait)
        {
            wait = pause;
        }

        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome, CallState call) =>
        options.Retry.RespectRetryAfter && outcome.Result is { } response
            ? RetryDelays.FromResponse(response, options.Retry.ResetHeaders, call.LastResponseAt.UtcNow)
            : null;

    private CircuitBreakerStrategyOptions<HttpResponseMessage> CreateBreakerOptions(string key, CircuitBreakerStateProvider state)
    {
        var breaker = options.CircuitBreaker;
        return new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = breaker.FailureRatio,
            MinimumThroughput = breaker.MinimumThroughput,
            SamplingDuration = breaker.SamplingDuration,
            BreakDuration = breaker.BreakDuration,
            StateProvider = state,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception switch
            {
                null => Outcomes.IsBreakerFailure(args.Outcome.Result!.StatusCode, breaker.CountRateLimitAsFailure),
                OperationCanceledException when args.Context.Properties.GetValue(CallState.Key, null!).UserToken.IsCancellationRequested => false,
                _ => Outcomes.IsTransient(args.Outcome.Exception),
            }),
            OnOpened = args => Changed(key, CircuitState.Open, args.BreakDuration),
            OnClosed = _ => Changed(key, CircuitState.Closed, null),
            OnHalfOpened = _ => Changed(key, CircuitState.HalfOpen, null),
        };
    }

    private ValueTask Changed(string key, CircuitState state, TimeSpan? breakDuration)
    {
        HttpMetrics.RecordCircuitState(clientName, key, state);
        Log.CircuitStateChanged(logger, key, state, breakDuration);
        options.CircuitBreaker.OnStateChanged?.Invoke(key, state);
        return default;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name : ((int)outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static CircuitState Map(Polly.CircuitBreaker.CircuitState state) => state switch
    {
        Polly.CircuitBreaker.CircuitState.Open => CircuitState.Open,
        Polly.CircuitBreaker.CircuitState.HalfOpen => CircuitState.HalfOpen,
        Polly.CircuitBreaker.CircuitState.Isolated => CircuitState.Isolated,
        _ => CircuitState.Closed,
    };

    private sealed record Entry(ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerStateProvider? State);
}

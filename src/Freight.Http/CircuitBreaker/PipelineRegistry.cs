using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

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

        if (options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.TotalTimeout);
        }

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

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.AttemptTimeout);
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
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
            DelayGenerator = args =>
            {
                var delay = ServerDelay(args.Outcome)
                    ?? RetryDelays.Backoff(args.AttemptNumber, retry.BaseDelay, retry.MaxDelay, retry.JitterFactor, random());

                // A 429 seen by any call pauses the key; a retry waits that pause out too.
                var pausedUntil = args.Context.Properties.GetValue(CallState.Key, null!).Gate?.PausedUntil;
                if (pausedUntil - options.TimeProvider.GetUtcNow() is { } pause && pause > delay)
                {
                    delay = pause;
                }

                return ValueTask.FromResult<TimeSpan?>(delay);
            },
            OnRetry = args =>
            {
                var call = args.Context.Properties.GetValue(CallState.Key, null!);
                HttpMetrics.RecordRetry(clientName, call.Request.Method);
                Log.AttemptFailed(logger, args.AttemptNumber + 1, call.Request.Method, call.Uri.AbsolutePath, Describe(args.Outcome), args.RetryDelay);
                return default;
            },
        };
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
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

        // A server-named wait that cannot fit fails the call now rather than waiting in vain.
        if (ServerDelay(outcome) is { } wait)
        {
            var remaining = call.Deadline == long.MaxValue
                ? TimeSpan.MaxValue
                : options.TimeProvider.GetElapsedTime(options.TimeProvider.GetTimestamp(), call.Deadline);
            return wait <= options.Retry.MaxDelay && wait < remaining;
        }

        return true;
    }

    private TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome) =>
        options.Retry.RespectRetryAfter && outcome.Result is { } response
            ? RetryDelays.FromResponse(response, options.Retry.ResetHeaders, options.TimeProvider.GetUtcNow())
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

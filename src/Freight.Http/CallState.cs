using Polly;

namespace Freight.Http;

/// <summary>Per-call state shared by the attempts and the retry and breaker predicates.</summary>
internal sealed class CallState(ApiRequest request, Uri uri, bool bufferBody, long deadline, CancellationToken userToken)
{
    public static readonly ResiliencePropertyKey<CallState> Key = new("Freight.Http.Call");

    public ApiRequest Request { get; } = request;

    public Uri Uri { get; } = uri;

    /// <summary>Whether attempts read the whole body before returning, so a truncated body is a retriable failure.</summary>
    public bool BufferBody { get; } = bufferBody;

    /// <summary>The timestamp when the total timeout expires, or <see cref="long.MaxValue"/>.</summary>
    public long Deadline { get; } = deadline;

    public CancellationToken UserToken { get; } = userToken;

    public RateLimitGate? Gate { get; set; }

    public int Attempts { get; set; }

    /// <summary>The delay before the next attempt, chosen when the retry decided to go on.</summary>
    public TimeSpan NextDelay { get; set; }

    /// <summary>The timestamp and the time of day when the last response's headers arrived.</summary>
    public (long Timestamp, DateTimeOffset UtcNow) LastResponseAt { get; set; }

    /// <summary>The timestamp before which the next attempt must not be sent (the moment the server named), or null.</summary>
    public long? RetryNotBefore { get; set; }

    /// <summary>Set when a retry was given up because its delay would pass the total timeout.</summary>
    public bool OutOfTime { get; set; }

    /// <summary>What is left of the total timeout; <see cref="TimeSpan.MaxValue"/> when there is none.</summary>
    public TimeSpan Remaining(TimeProvider time) =>
        Deadline == long.MaxValue ? TimeSpan.MaxValue : time.GetElapsedTime(time.GetTimestamp(), Deadline);

    public bool IsRetrySafe(bool retryUnsafeMethods) =>
        retryUnsafeMethods
        || Request.AllowRetry
        || Request.IdempotencyKey is not null
        || (Request.Method != HttpMethod.Post && Request.Method != HttpMethod.Patch && Request.Method != HttpMethod.Connect);
}

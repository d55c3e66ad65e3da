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

    public bool IsRetrySafe(bool retryUnsafeMethods) =>
        retryUnsafeMethods
        || Request.AllowRetry
        || Request.IdempotencyKey is not null
        || (Request.Method != HttpMethod.Post && Request.Method != HttpMethod.Patch && Request.Method != HttpMethod.Connect);
}

namespace Freight.Sandbox.Faults;

/// <summary>What an injected fault did to a request.</summary>
public enum FaultKind
{
    /// <summary>Answered 500 or 503 in the API's error shape; the endpoint did not run.</summary>
    ServerError,

    /// <summary>Answered 429 with Retry-After; the endpoint did not run.</summary>
    RateLimit,

    /// <summary>Connection cut before the endpoint ran: nothing happened.</summary>
    DroppedBeforeProcessing,

    /// <summary>The endpoint ran (a write happened), then the connection was cut before the answer.</summary>
    DroppedAfterProcessing,

    /// <summary>The endpoint ran; the answer declared its full Content-Length and was cut mid-body.</summary>
    TruncatedBody,

    /// <summary>The endpoint ran; the body was sent in delayed chunks.</summary>
    SlowBody,
}

internal static class FaultKinds
{
    public static readonly FaultKind[] All = Enum.GetValues<FaultKind>();

    /// <summary>Names in the inspection JSON, indexed by kind.</summary>
    public static readonly string[] Names =
    [
        "server_error", "rate_limit", "dropped_before_processing", "dropped_after_processing", "truncated_body", "slow_body",
    ];

    /// <summary>Whether the client gets no complete answer (the request log records status 0).</summary>
    public static bool CutsConnection(this FaultKind kind) =>
        kind is FaultKind.DroppedBeforeProcessing or FaultKind.DroppedAfterProcessing or FaultKind.TruncatedBody;
}

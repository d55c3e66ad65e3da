namespace Freight.Http;

/// <summary>What kind of failure an <see cref="ApiError"/> describes; each kind has a matching exception.</summary>
public enum ApiErrorKind
{
    /// <summary>The server answered with a non-success status (<see cref="ApiHttpException"/>).</summary>
    Http,

    /// <summary>An attempt or the whole call ran out of time (<see cref="ApiTimeoutException"/>).</summary>
    Timeout,

    /// <summary>The server or the local rate limiter refused the call (<see cref="ApiRateLimitException"/>).</summary>
    RateLimited,

    /// <summary>The connection failed, was reset or the body was truncated (<see cref="ApiNetworkException"/>).</summary>
    Network,

    /// <summary>The circuit breaker for the call's key is open (<see cref="ApiCircuitOpenException"/>).</summary>
    CircuitOpen,

    /// <summary>The response could not be read as the expected type or failed validation (<see cref="ApiValidationException"/>).</summary>
    Validation,

    /// <summary>
    /// The transport's connect policy does not allow the host at any address it resolves to, so nothing was sent
    /// (<see cref="ApiNotAllowedException"/>). Never retried.
    /// </summary>
    NotAllowed,
}

using System.Net;
using System.Text.Json;

namespace Freight.Http;

/// <summary>Base of every exception Freight.Http throws for a failed call; <see cref="Error"/> holds the details.</summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception for an error.</summary>
    public ApiException(ApiError error)
        : base(error?.Message, error?.Exception)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The error this exception reports.</summary>
    public ApiError Error { get; }
}

/// <summary>The server answered with a non-success status.</summary>
public sealed class ApiHttpException(ApiError error) : ApiException(error)
{
    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode => Error.StatusCode ?? default;

    /// <summary>The response body as text.</summary>
    public string? Body => Error.Body;

    /// <summary>Reads the body as JSON of type <typeparamref name="T"/>.</summary>
    public bool TryGetContentAs<T>(out T? content, JsonSerializerOptions? options = null) =>
        Error.TryGetContentAs(out content, options);
}

/// <summary>An attempt or the whole call ran out of time.</summary>
public sealed class ApiTimeoutException(ApiError error) : ApiException(error);

/// <summary>The server answered 429, or the local rate limiter could not admit the call.</summary>
public sealed class ApiRateLimitException(ApiError error) : ApiException(error)
{
    /// <summary>How long to wait before calling again, when known.</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;
}

/// <summary>The connection failed, was reset, or the response body was truncated.</summary>
public sealed class ApiNetworkException(ApiError error) : ApiException(error);

/// <summary>The circuit breaker for the call's key is open; the call was not sent.</summary>
public sealed class ApiCircuitOpenException(ApiError error) : ApiException(error)
{
    /// <summary>How long until the breaker lets a probe call through, when known.</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;
}

/// <summary>The response could not be read as the expected type, or failed validation.</summary>
public sealed class ApiValidationException(ApiError error) : ApiException(error)
{
    /// <summary>The validation failures.</summary>
    public IReadOnlyList<string> Errors => Error.ValidationErrors;
}

/// <summary>The transport's connect policy does not allow the host's addresses; the call was not sent.</summary>
public sealed class ApiNotAllowedException(ApiError error) : ApiException(error);

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Freight.Http;

/// <summary>Describes why a call failed. Returned in <see cref="ApiResult.Error"/>; <see cref="ToException"/> gives the matching exception.</summary>
public sealed class ApiError
{
    private static readonly IReadOnlyList<string> NoErrors = [];

    internal ApiError(ApiErrorKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    /// <summary>The kind of failure.</summary>
    public ApiErrorKind Kind { get; }

    /// <summary>A human-readable description of the failure.</summary>
    public string Message { get; }

    /// <summary>The HTTP status of the final response, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The body of the final error response as text, kept so it can be read after the call.</summary>
    public string? Body { get; init; }

    /// <summary>The headers of the final error response, when there was one.</summary>
    public HttpResponseHeaders? Headers { get; init; }

    /// <summary>How long the server (or the local limiter) asked the caller to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Validation failures, for <see cref="ApiErrorKind.Validation"/>.</summary>
    public IReadOnlyList<string> ValidationErrors { get; init; } = NoErrors;

    /// <summary>The exception that caused the failure, for network errors and timeouts.</summary>
    public Exception? Exception { get; init; }

    /// <summary>How many attempts were made before the call gave up.</summary>
    public int Attempts { get; init; }

    /// <summary>Reads <see cref="Body"/> as JSON of type <typeparamref name="T"/> (an API's error envelope, say).</summary>
    /// <returns><see langword="true"/> when the body is JSON of that shape.</returns>
    public bool TryGetContentAs<T>(out T? content, JsonSerializerOptions? options = null)
    {
        content = default;
        if (string.IsNullOrEmpty(Body))
        {
            return false;
        }

        try
        {
            content = JsonSerializer.Deserialize<T>(Body, options ?? JsonSerializerOptions.Web);
            return content is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Creates the exception that matches <see cref="Kind"/>.</summary>
    public ApiException ToException() => Kind switch
    {
        ApiErrorKind.Http => new ApiHttpException(this),
        ApiErrorKind.Timeout => new ApiTimeoutException(this),
        ApiErrorKind.RateLimited => new ApiRateLimitException(this),
        ApiErrorKind.Network => new ApiNetworkException(this),
        ApiErrorKind.CircuitOpen => new ApiCircuitOpenException(this),
        ApiErrorKind.NotAllowed => new ApiNotAllowedException(this),
        _ => new ApiValidationException(this),
    };

    /// <inheritdoc />
    public override string ToString() => StatusCode is { } status
        ? $"{Kind} ({(int)status}): {Message}"
        : $"{Kind}: {Message}";
}

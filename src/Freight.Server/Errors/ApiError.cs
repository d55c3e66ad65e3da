namespace Freight.Server.Errors;

/// <summary>One problem with a request, usually one field of its body or query.</summary>
public sealed record ErrorDetail(string Type, string Message, string? Field = null);

/// <summary>
/// The one shape of every non-2xx answer: <c>{"error","message","details","request_id","timestamp"}</c>, in
/// snake_case like the rest of the API. No stack trace, no exception text from a library.
/// </summary>
public sealed record ApiError(string Error, string Message, IReadOnlyList<ErrorDetail> Details, string RequestId, DateTimeOffset Timestamp);

/// <summary>The <see cref="ApiError.Error"/> codes.</summary>
public static class ErrorCodes
{
    public const string BadRequest = "bad_request";
    public const string InvalidJson = "invalid_json";
    public const string ValidationError = "validation_error";
    public const string Unauthorized = "unauthorized";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string Conflict = "conflict";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RateLimited = "rate_limited";
    public const string InvalidCredentials = "invalid_credentials";
    public const string InternalError = "internal_error";

    /// <summary>The code and message of an answer that has no body of its own (404 for an unknown route, 405, ...).</summary>
    public static (string Code, string Message) ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => (BadRequest, "The request is not valid."),
        StatusCodes.Status401Unauthorized => (Unauthorized, "Authentication required."),
        StatusCodes.Status404NotFound => (NotFound, "No such resource."),
        StatusCodes.Status405MethodNotAllowed => (MethodNotAllowed, "This method is not allowed on this resource."),
        StatusCodes.Status409Conflict => (Conflict, "The request conflicts with the resource's state."),
        StatusCodes.Status413PayloadTooLarge => (PayloadTooLarge, "The request body is too large."),
        StatusCodes.Status415UnsupportedMediaType => (UnsupportedMediaType, "Request bodies must be JSON (Content-Type: application/json)."),
        StatusCodes.Status429TooManyRequests => (RateLimited, "Too many requests."),
        _ => (InternalError, "The server could not answer this request."),
    };
}

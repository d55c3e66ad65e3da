using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Attio;

/// <summary>
/// Attio's one error body (CRM_APIS.md B3): <c>{status_code, type, code, message}</c>, plus
/// <c>validation_errors</c> on schema failures.
/// </summary>
internal sealed record AttioError(
    int StatusCode,
    string Type,
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ValidationError>? ValidationErrors = null)
{
    public IResult ToResult() => TypedResults.Json(this, AttioJson.Options, statusCode: StatusCode);
}

/// <summary>One failed rule of a <c>validation_type</c> error; <see cref="Path"/> leads to the offending value.</summary>
internal sealed record ValidationError(string Code, IReadOnlyList<string> Path, string Message);

/// <summary>Stops a request with an Attio error; the gate turns it into the error body.</summary>
internal sealed class AttioException(AttioError error) : Exception(error.Message)
{
    public AttioError Error { get; } = error;
}

/// <summary>The errors of the catalogue (B3), each thrown as an <see cref="AttioException"/>.</summary>
internal static class Fail
{
    private const string InvalidRequest = "invalid_request_error";

    public static AttioException NotFound(string message) => new(new(404, InvalidRequest, "not_found", message));

    public static AttioException Validation(string message, params string[] path) =>
        new(new(400, InvalidRequest, "validation_type", message, [new("invalid_value", path, message)]));

    public static AttioException Type(string message, params string[] path) =>
        new(new(400, InvalidRequest, "validation_type", message, [new("invalid_type", path, message)]));

    public static AttioException ValueNotFound(string message) => new(new(400, InvalidRequest, "value_not_found", message));

    public static AttioException MissingValue(string message) => new(new(400, InvalidRequest, "missing_value", message));

    public static AttioException Uniqueness(string message) => new(new(400, InvalidRequest, "uniqueness_conflict", message));

    public static AttioException SystemEdit(string message) => new(new(400, InvalidRequest, "system_edit_unauthorized", message));

    public static AttioException MultipleMatches(string message) => new(new(400, InvalidRequest, "multiple_match_results", message));

    public static AttioException NotUniqueMatching(string message) =>
        new(new(400, InvalidRequest, "matching_attribute_definition_not_unique", message));

    public static AttioException Filter(string message) => new(new(400, InvalidRequest, "filter_error", message));

    public static AttioException SlugConflict(string message) => new(new(409, InvalidRequest, "slug_conflict", message));

    public static AttioError Unauthorized(string message) => new(401, "auth_error", "unauthorized", message);

    public static AttioError RateLimited() =>
        new(429, "rate_limit_error", "rate_limit_exceeded", "Rate limit exceeded, please try again later");

    // Attio's code for these two is not documented [UNCONFIRMED]; the shape is the catalogue's.
    public static AttioError NoRoute(string method, string path) =>
        new(404, InvalidRequest, "not_found", $"No route matches {method} {path}.");

    public static AttioError MethodNotAllowed(string method, string path) =>
        new(405, InvalidRequest, "method_not_allowed", $"{method} is not allowed on {path}.");
}

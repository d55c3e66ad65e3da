using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Faults;

/// <summary>
/// The injected 5xx answers. Neither API documents its 5xx bodies (CRM_APIS.md A3 lists 500 and 503 for
/// Affinity with the code <c>server</c>; B3 lists no 5xx for Attio), so every value here is a simulator
/// choice [UNCONFIRMED], kept in this one place. Server-error faults alternate between the two statuses.
/// </summary>
internal static class ServerErrorChoices
{
    public const int First = StatusCodes.Status500InternalServerError;

    public const int Second = StatusCodes.Status503ServiceUnavailable;

    /// <summary>Affinity v2: <c>{"errors":[{"code","message"}]}</c>; <c>server</c> is the spec's only server-side code.</summary>
    public static (string Code, string Message) Affinity(int status) => status == Second
        ? ("server", "The service is temporarily unavailable. Please try again later.")
        : ("server", "An internal server error occurred.");

    /// <summary>Attio: <c>{"status_code","type","code","message"}</c> with a type and code in the style of B3's catalogue.</summary>
    public static (string Type, string Code, string Message) Attio(int status) => status == Second
        ? ("api_error", "service_unavailable", "The service is temporarily unavailable, please try again later")
        : ("api_error", "internal_server_error", "An unexpected error occurred, please try again later");

    /// <summary>Whether the answer carries Retry-After besides 429: a 503 says when to come back, a 500 does not.</summary>
    public static bool SendsRetryAfter(int status) => status is StatusCodes.Status429TooManyRequests or Second;
}

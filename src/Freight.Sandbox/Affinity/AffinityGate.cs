using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Affinity;

/// <summary>
/// Bearer auth and the rate budgets for every <c>/v2</c> endpoint (CRM_APIS.md A1, A2): 401 without the
/// key, 429 with <c>Retry-After</c> past a budget, and the six <c>X-Ratelimit-*</c> headers on every answer.
/// </summary>
internal sealed class AffinityGate(AffinitySimulatorOptions options, UserRateLimit limit) : IEndpointFilter
{
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!IsAuthorized(http.Request))
        {
            WriteHeaders(http.Response, limit.Peek());
            return TypedResults.Json(
                AffinityErrors.Of("authentication", "Missing or invalid API key: send Authorization: Bearer <API key>."),
                statusCode: StatusCodes.Status401Unauthorized);
        }

        // whoami does not count against the monthly budget (A2).
        var decision = limit.TryAcquire(countsMonthly: http.Request.Path != "/v2/auth/whoami");
        WriteHeaders(http.Response, decision);
        if (!decision.Allowed)
        {
            var wait = decision.UserExhausted ? decision.UserResetSeconds : decision.OrgResetSeconds;
            http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Json(
                AffinityErrors.Of("rate-limit", "Rate limit exceeded."),
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        return await next(context);
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.Equals(value[BearerPrefix.Length..].Trim(), options.ApiKey, StringComparison.Ordinal);
    }

    private static void WriteHeaders(HttpResponse response, RateDecision rate)
    {
        var headers = response.Headers;
        headers["X-Ratelimit-Limit-User"] = Text(rate.UserLimit);
        headers["X-Ratelimit-Limit-User-Remaining"] = Text(rate.UserRemaining);
        headers["X-Ratelimit-Limit-User-Reset"] = Text(rate.UserResetSeconds);
        headers["X-Ratelimit-Limit-Org"] = Text(rate.OrgLimit);
        headers["X-Ratelimit-Limit-Org-Remaining"] = Text(rate.OrgRemaining);
        headers["X-Ratelimit-Limit-Org-Reset"] = Text(rate.OrgResetSeconds);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

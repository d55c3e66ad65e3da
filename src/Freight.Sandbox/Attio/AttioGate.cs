using System.Text;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Attio;

/// <summary>
/// Auth and rate limits for every <c>/v2</c> endpoint (CRM_APIS.md B1, B2), and the one place where an
/// <see cref="AttioException"/> becomes Attio's error body.
/// </summary>
internal sealed class AttioGate(AttioSimulatorOptions options, AttioRateLimit limit) : IEndpointFilter
{
    // Whether query POSTs read is [UNCONFIRMED]; B2 suggests counting them as reads.
    private const bool QueryCountsAsRead = true;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!IsAuthorized(request, options.ApiKey))
        {
            // The introspection endpoint answers a token it does not know with {active:false} (B1).
            if (request.Path == "/v2/self" && request.Headers.Authorization.Count > 0)
            {
                return TypedResults.Json(new InactiveToken(false), AttioJson.Options);
            }

            return Fail.Unauthorized("Authentication failed: send the API key as Authorization: Bearer <key>.").ToResult();
        }

        if (!limit.TryAcquire(IsWrite(request), out var retryAt))
        {
            http.Response.Headers.RetryAfter = retryAt.ToString("R");
            return Fail.RateLimited().ToResult();
        }

        try
        {
            return await next(context);
        }
        catch (AttioException problem)
        {
            return problem.Error.ToResult();
        }
    }

    private static bool IsWrite(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
        && !(QueryCountsAsRead && HttpMethods.IsPost(request.Method) && request.Path.Value!.EndsWith("/query", StringComparison.Ordinal));

    /// <summary>Bearer with the key, or Basic with the key as user name and an empty password (B1).</summary>
    private static bool IsAuthorized(HttpRequest request, string apiKey)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value)
        {
            return false;
        }

        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(value[7..].Trim(), apiKey, StringComparison.Ordinal);
        }

        if (!value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var encoded = value[6..].Trim();
        var bytes = new byte[(encoded.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(encoded, bytes, out var written)
            && string.Equals(Encoding.UTF8.GetString(bytes, 0, written), apiKey + ":", StringComparison.Ordinal);
    }

    private sealed record InactiveToken(bool Active);
}

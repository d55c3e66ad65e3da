using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Faults;

/// <summary>Attio's error body (B3) and Retry-After as an HTTP date, <c>retryAfter</c> ahead of now (B2: usually the next second).</summary>
internal sealed class AttioFaultResponder : IFaultResponder
{
    public Task WriteAsync(HttpResponse response, int statusCode, TimeSpan retryAfter, DateTimeOffset now)
    {
        var (type, code, message) = statusCode == StatusCodes.Status429TooManyRequests
            ? ("rate_limit_error", "rate_limit_exceeded", "Rate limit exceeded, please try again later")
            : ServerErrorChoices.Attio(statusCode);
        response.StatusCode = statusCode;
        if (ServerErrorChoices.SendsRetryAfter(statusCode))
        {
            response.Headers.RetryAfter = (now + retryAfter).ToString("R", CultureInfo.InvariantCulture);
        }

        return response.WriteAsJsonAsync(new AttioError(statusCode, type, code, message));
    }

    private sealed record AttioError(
        [property: JsonPropertyName("status_code")] int StatusCode,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("message")] string Message);
}

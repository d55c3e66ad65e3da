using System.Net;
using System.Text.Json;
using Freight.Http;

namespace Freight.Client;

/// <summary>One problem with a request, usually one field of its body or query.</summary>
/// <param name="Type">A machine-readable kind, such as <c>missing</c> or <c>out_of_range</c>.</param>
/// <param name="Message">The problem, for people.</param>
/// <param name="Field">The field, in the API's snake_case, if the problem is about one.</param>
public sealed record ErrorDetail(string Type, string Message, string? Field = null);

/// <summary>
/// Why a call failed, as the API said it (<c>{"error","message","details","request_id","timestamp"}</c>), or, when the
/// server's answer did not have that shape (no answer, a timeout, a proxy's page), as Freight.Http saw it.
/// </summary>
/// <param name="Error">The API's error code (<c>not_found</c>, <c>validation_error</c>…), or for a failure without one
/// the Freight.Http kind in snake_case (<c>network</c>, <c>timeout</c>, <c>rate_limited</c>, <c>circuit_open</c>, <c>http</c>).</param>
/// <param name="Message">The API's message, or Freight.Http's description of the failure.</param>
/// <param name="Details">One entry per bad field (empty when none).</param>
/// <param name="RequestId">The server's request id, to quote when reporting a problem.</param>
/// <param name="Timestamp">When the server answered.</param>
public sealed record FreightApiError(string Error, string Message, IReadOnlyList<ErrorDetail> Details, string? RequestId, DateTimeOffset? Timestamp)
{
    /// <summary>The HTTP status, when there was an answer.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>What kind of failure Freight.Http saw.</summary>
    public ApiErrorKind Kind { get; init; }

    /// <summary>Reads the API's error body from <paramref name="error"/>, or describes the failure when there is none.</summary>
    public static FreightApiError From(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = Parse(error.Body);
        var fallback = JsonNamingPolicy.SnakeCaseLower.ConvertName(error.Kind.ToString());
        return new FreightApiError(
            body?.Error ?? fallback,
            body?.Message ?? error.Message,
            body?.Details ?? [],
            body?.RequestId,
            body?.Timestamp)
        {
            StatusCode = error.StatusCode,
            Kind = error.Kind,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => StatusCode is { } status ? $"{Message} ({(int)status} {Error})" : $"{Message} ({Error})";

    private static Body? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Body>(text, FreightJson.Options) is { Error: not null, Message: not null } body ? body : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Body(string? Error, string? Message, IReadOnlyList<ErrorDetail>? Details, string? RequestId, DateTimeOffset? Timestamp);
}

/// <summary>Reads a failed result's <see cref="FreightApiError"/>.</summary>
public static class FreightApiErrorExtensions
{
    /// <summary>The API's error for a failed <paramref name="result"/>; <see langword="null"/> when it succeeded.</summary>
    public static FreightApiError? FreightError(this ApiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Error is { } error ? FreightApiError.From(error) : null;
    }

    /// <summary>The API's error carried by <paramref name="exception"/> (thrown by the SDK's streams).</summary>
    public static FreightApiError FreightError(this ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return FreightApiError.From(exception.Error);
    }
}

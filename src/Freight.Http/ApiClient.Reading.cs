using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Freight.Http;

public sealed partial class ApiClient
{
    private async ValueTask<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, ApiRequest request, CancellationToken cancellationToken)
    {
        using (response)
        {
            T? value;
            string? failure;
            IReadOnlyList<string>? problems = null;
            try
            {
                value = await DeserializeAsync<T>(response, request.ResponseKey, cancellationToken).ConfigureAwait(false);
                problems = ResponseValidation.Validate(value, _options.ValidateDataAnnotations, request.Validator);
                failure = problems.Count == 0 ? null : $"The response failed validation: {string.Join("; ", problems)}";
            }
            catch (JsonException ex)
            {
                failure = $"The response is not valid JSON for {typeof(T).Name}: {ex.Message}";
                value = default;
            }
            catch (KeyNotFoundException ex)
            {
                failure = ex.Message;
                value = default;
            }

            if (failure is null)
            {
                return ApiResult.Success(value!, response.StatusCode);
            }

            // The body is buffered: keep it on the error so a bad payload can be diagnosed.
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Log.CallFailed(_logger, request.Method, request.Path, 0, ApiErrorKind.Validation, failure);
            return ApiResult.Failure<T>(new ApiError(ApiErrorKind.Validation, $"{request.Method} {request.Path}: {failure}")
            {
                StatusCode = response.StatusCode,
                Body = body,
                Headers = response.Headers,
                ValidationErrors = problems is { Count: > 0 } ? problems : [failure],
            });
        }
    }

    /// <summary>Reads a buffered body: it is already in memory, so the synchronous reader does the work without async overhead.</summary>
    private async ValueTask<T?> DeserializeAsync<T>(HttpResponseMessage response, string? responseKey, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
        {
            return default;
        }

        var typeInfo = (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T));
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (responseKey is null)
            {
                return JsonSerializer.Deserialize(stream, typeInfo);
            }

            using var document = JsonDocument.Parse(stream);
            return ResponseKey.TryFind(document.RootElement, responseKey, out var found)
                ? found.Deserialize(typeInfo)
                : throw new KeyNotFoundException($"The response has no '{responseKey}'.");
        }
    }
}

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
            try
            {
                value = await DeserializeAsync<T>(response, request.ResponseKey, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                return Invalid<T>(response, request, $"The response is not valid JSON for {typeof(T).Name}: {ex.Message}");
            }
            catch (KeyNotFoundException ex)
            {
                return Invalid<T>(response, request, ex.Message);
            }

            var problems = ResponseValidation.Validate(value, _options.ValidateDataAnnotations, request.Validator);
            return problems.Count == 0
                ? ApiResult.Success(value!, response.StatusCode)
                : Invalid<T>(response, request, $"The response failed validation: {string.Join("; ", problems)}", problems);
        }
    }

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
                return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
            }

            using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            return ResponseKey.TryFind(document.RootElement, responseKey, out var found)
                ? found.Deserialize(typeInfo)
                : throw new KeyNotFoundException($"The response has no '{responseKey}'.");
        }
    }

    private static ApiResult<T> Invalid<T>(HttpResponseMessage response, ApiRequest request, string message, IReadOnlyList<string>? problems = null) =>
        ApiResult.Failure<T>(new ApiError(ApiErrorKind.Validation, $"{request.Method} {request.Path}: {message}")
        {
            StatusCode = response.StatusCode,
            ValidationErrors = problems ?? [message],
        });
}

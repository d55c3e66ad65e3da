using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Freight.Http;

public sealed partial class ApiClient
{
    /// <summary>
    /// Walks every page of a listing and yields its items. Each page is one call through the full pipeline, so a
    /// page that fails transiently is retried on its own; a page that fails for good throws its <see cref="ApiException"/>.
    /// </summary>
    public async IAsyncEnumerable<T> PaginateAsync<T>(ApiRequest request, Pagination pagination, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(pagination);
        var typeInfo = (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T));
        for (ApiRequest? page = pagination.First(request); page is not null;)
        {
            var (response, error) = await ExecuteAsync(page, bufferBody: true, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                throw error.ToException();
            }

            List<T> items;
            using (response)
            {
                var stream = await response!.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
                items = ReadItems(document.RootElement, pagination.ItemsKey, typeInfo, page);
                page = pagination.Next(page, document.RootElement, items.Count);
            }

            foreach (var item in items)
            {
                yield return item;
            }
        }
    }

    private List<T> ReadItems<T>(JsonElement root, string itemsKey, JsonTypeInfo<T> typeInfo, ApiRequest page)
    {
        if (!ResponseKey.TryFind(root, itemsKey, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(page, $"The page has no array at '{itemsKey}'.");
        }

        var items = new List<T>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            T? item;
            try
            {
                item = element.Deserialize(typeInfo);
            }
            catch (JsonException ex)
            {
                throw Invalid(page, $"An item is not valid JSON for {typeof(T).Name}: {ex.Message}");
            }

            var problems = ResponseValidation.Validate(item, _options.ValidateDataAnnotations, page.Validator);
            if (problems.Count > 0)
            {
                throw Invalid(page, $"An item failed validation: {string.Join("; ", problems)}", problems);
            }

            items.Add(item!);
        }

        return items;
    }

    private static ApiValidationException Invalid(ApiRequest request, string message, IReadOnlyList<string>? problems = null) =>
        new(new ApiError(ApiErrorKind.Validation, $"{request.Method} {request.Path}: {message}") { ValidationErrors = problems ?? [message] });
}

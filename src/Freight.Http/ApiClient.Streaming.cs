using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Freight.Http;

public sealed partial class ApiClient
{
    /// <summary>
    /// Streams a response whose body is a JSON array, yielding items as they arrive, in constant memory. The call
    /// (up to the response headers) goes through the full pipeline; the body is then guarded by
    /// <see cref="ApiClientOptions.StreamIdleTimeout"/> instead of the total timeout.
    /// </summary>
    /// <exception cref="ApiException">The call failed, or the body stalled (<see cref="ApiTimeoutException"/>).</exception>
    public IAsyncEnumerable<T?> StreamJsonArrayAsync<T>(ApiRequest request, CancellationToken cancellationToken = default) =>
        StreamAsync<T>(request, topLevelValues: false, cancellationToken);

    /// <summary>Streams a newline-delimited JSON (NDJSON) body, one item per line, in constant memory.</summary>
    /// <exception cref="ApiException">The call failed, or the body stalled (<see cref="ApiTimeoutException"/>).</exception>
    public IAsyncEnumerable<T?> StreamNdjsonAsync<T>(ApiRequest request, CancellationToken cancellationToken = default) =>
        StreamAsync<T>(request, topLevelValues: true, cancellationToken);

    /// <summary>Copies a response body to <paramref name="destination"/> without buffering it; returns the number of bytes copied.</summary>
    public async Task<ApiResult<long>> DownloadAsync(ApiRequest request, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(destination);
        var (response, error) = await ExecuteAsync(request, bufferBody: false, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiResult.Failure<long>(error);
        }

        using (response)
        {
            var body = await OpenBodyAsync(response!, cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                try
                {
                    long total = 0;
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        total += read;
                    }

                    return ApiResult.Success(total, response!.StatusCode);
                }
                catch (ApiException ex)
                {
                    return ApiResult.Failure<long>(ex.Error);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException)
                {
                    return ApiResult.Failure<long>(new ApiError(ApiErrorKind.Network, $"The download of {request.Path} broke off: {ex.Message}") { Exception = ex });
                }
            }
        }
    }

    private async IAsyncEnumerable<T?> StreamAsync<T>(ApiRequest request, bool topLevelValues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (response, error) = await ExecuteAsync(request, bufferBody: false, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            throw error.ToException();
        }

        using (response)
        {
            var body = await OpenBodyAsync(response!, cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var typeInfo = (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T));
                var items = JsonSerializer.DeserializeAsyncEnumerable(body, typeInfo, topLevelValues, cancellationToken).GetAsyncEnumerator(cancellationToken);
                await using (items.ConfigureAwait(false))
                {
                    while (await MoveNextAsync(items, request).ConfigureAwait(false))
                    {
                        yield return items.Current;
                    }
                }
            }
        }
    }

    /// <summary>Advances a streamed body, turning a broken or malformed body into the matching <see cref="ApiException"/>.</summary>
    private static async ValueTask<bool> MoveNextAsync<T>(IAsyncEnumerator<T> items, ApiRequest request)
    {
        try
        {
            return await items.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw new ApiNetworkException(new ApiError(ApiErrorKind.Network, $"The stream of {request.Path} broke off: {ex.Message}") { Exception = ex });
        }
        catch (JsonException ex)
        {
            throw new ApiValidationException(new ApiError(ApiErrorKind.Validation, $"The stream of {request.Path} is not valid JSON for {typeof(T).Name}: {ex.Message}")
            {
                Exception = ex,
                ValidationErrors = [ex.Message],
            });
        }
    }

    private async Task<Stream> OpenBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return _options.StreamIdleTimeout == Timeout.InfiniteTimeSpan
            ? stream
            : new IdleTimeoutStream(stream, _options.StreamIdleTimeout, _options.TimeProvider, cancellationToken);
    }
}

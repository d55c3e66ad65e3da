namespace Freight.Http;

/// <summary>Adds fixed headers (a user agent, an API version) to every attempt.</summary>
public sealed class HeadersHook(IEnumerable<KeyValuePair<string, string>> headers) : IRequestHook
{
    private readonly KeyValuePair<string, string>[] _headers = [.. headers];

    /// <inheritdoc />
    public ValueTask<HttpResponseMessage?> BeforeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return ValueTask.FromResult<HttpResponseMessage?>(null);
    }
}

using System.Text;

namespace Freight.Http;

/// <summary>One call to make: method, path, query, headers, body and how to read the response.</summary>
/// <remarks>Build it with the static helpers and the <c>With…</c> methods; a request can be sent more than once.</remarks>
public sealed class ApiRequest
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoPairs = [];

    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _headers;

    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">A path relative to the client's base address, or an absolute URI.</param>
    public ApiRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>A path relative to the client's base address, or an absolute URI.</summary>
    public string Path { get; }

    /// <summary>Query parameters, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => _query ?? NoPairs;

    /// <summary>Request headers, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers ?? NoPairs;

    /// <summary>The body, rebuilt for every attempt so a retry never resends a consumed stream.</summary>
    public RequestBody? Body { get; set; }

    /// <summary>Sent as the <c>Idempotency-Key</c> header; makes POST and PATCH safe to retry.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Allows retries of a POST or PATCH without an idempotency key (the caller knows it is safe).</summary>
    public bool AllowRetry { get; set; }

    /// <summary>A dotted path (<c>"data"</c>, <c>"data.items"</c>) to the part of the response body to deserialize.</summary>
    public string? ResponseKey { get; set; }

    /// <summary>An extra check of the deserialized value; return the problems found (none when valid).</summary>
    public Func<object, IEnumerable<string>>? Validator { get; set; }

    /// <summary>A GET request.</summary>
    public static ApiRequest Get(string path) => new(HttpMethod.Get, path);

    /// <summary>A DELETE request.</summary>
    public static ApiRequest Delete(string path) => new(HttpMethod.Delete, path);

    /// <summary>A POST request with a JSON body.</summary>
    public static ApiRequest Post(string path, object? json = null) => WithJsonBody(HttpMethod.Post, path, json);

    /// <summary>A PUT request with a JSON body.</summary>
    public static ApiRequest Put(string path, object? json = null) => WithJsonBody(HttpMethod.Put, path, json);

    /// <summary>A PATCH request with a JSON body.</summary>
    public static ApiRequest Patch(string path, object? json = null) => WithJsonBody(HttpMethod.Patch, path, json);

    /// <summary>Adds a query parameter; a <see langword="null"/> value is skipped.</summary>
    public ApiRequest WithQuery(string name, object? value)
    {
        if (value is not null)
        {
            (_query ??= []).Add(new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
        }

        return this;
    }

    /// <summary>Adds a header.</summary>
    public ApiRequest WithHeader(string name, string value)
    {
        (_headers ??= []).Add(new(name, value));
        return this;
    }

    /// <summary>Sets the body.</summary>
    public ApiRequest WithBody(RequestBody body)
    {
        Body = body;
        return this;
    }

    /// <summary>Sets an idempotency key, which also allows retrying an unsafe method.</summary>
    public ApiRequest WithIdempotencyKey(string key)
    {
        IdempotencyKey = key;
        return this;
    }

    /// <summary>Sets the response key to deserialize (see <see cref="ResponseKey"/>).</summary>
    public ApiRequest WithResponseKey(string key)
    {
        ResponseKey = key;
        return this;
    }

    /// <summary>Sets the extra validator (see <see cref="Validator"/>).</summary>
    public ApiRequest WithValidator<T>(Func<T, IEnumerable<string>> validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        Validator = value => value is T typed ? validator(typed) : [];
        return this;
    }

    /// <summary>A copy with the query parameter <paramref name="name"/> replaced; used to walk pages.</summary>
    internal ApiRequest WithReplacedQuery(string name, string value)
    {
        var copy = CopyTo(new ApiRequest(Method, Path));
        var index = copy._query?.FindIndex(pair => string.Equals(pair.Key, name, StringComparison.Ordinal)) ?? -1;
        if (index < 0)
        {
            return copy.WithQuery(name, value);
        }

        copy._query![index] = new(name, value);
        return copy;
    }

    /// <summary>A copy aimed at another URI without its query (the URI carries its own); used to follow next links.</summary>
    internal ApiRequest WithPath(string path)
    {
        var copy = CopyTo(new ApiRequest(Method, path));
        copy._query = null;
        return copy;
    }

    internal string BuildPathAndQuery()
    {
        if (_query is null)
        {
            return Path;
        }

        var builder = new StringBuilder(Path);
        var separator = Path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in _query)
        {
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return builder.ToString();
    }

    private ApiRequest CopyTo(ApiRequest copy)
    {
        copy._query = _query is null ? null : [.. _query];
        copy._headers = _headers is null ? null : [.. _headers];
        copy.Body = Body;
        copy.IdempotencyKey = IdempotencyKey;
        copy.AllowRetry = AllowRetry;
        copy.ResponseKey = ResponseKey;
        copy.Validator = Validator;
        return copy;
    }

    private static ApiRequest WithJsonBody(HttpMethod method, string path, object? json) =>
        new(method, path) { Body = json is null ? null : RequestBody.Json(json) };
}

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Freight.TestUtils;

/// <summary>
/// One scripted reply of a <see cref="ScriptedServer"/>. Immutable: every With*/HoldUntil call returns a copy,
/// so a response can be reused or enqueued several times.
/// </summary>
public sealed partial class ScriptedResponse
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const string OctetStream = "application/octet-stream";

    private readonly int _status;
    private readonly string? _contentType;
    private readonly BodyWriter _body;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;
    private readonly Task? _gate;

    private ScriptedResponse(
        int status,
        string? contentType,
        BodyWriter body,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null,
        Task? gate = null)
    {
        _status = status;
        _contentType = contentType;
        _body = body;
        _headers = headers ?? [];
        _gate = gate;
    }

    // Writes the body (and may abort) after status and headers have been applied.
    private delegate Task BodyWriter(HttpContext context, CancellationToken cancellationToken);

    /// <summary>The given status with an empty body.</summary>
    public static ScriptedResponse Status(int status) => new(status, null, NoBody);

    public static ScriptedResponse Json(string json, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new(status, JsonContentType, Fixed(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Serializes <paramref name="value"/> with <see cref="JsonSerializerOptions.Web"/>.</summary>
    public static ScriptedResponse Json<T>(T value, int status = 200) =>
        new(status, JsonContentType, Fixed(JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web)));

    /// <summary>Aborts the connection (HTTP/2: resets the stream) without sending a response.</summary>
    public static ScriptedResponse Abort() => new(200, null, AbortConnection);

    /// <summary>Declares <paramref name="declaredLength"/> bytes, sends only <paramref name="sent"/>, then aborts.</summary>
    public static ScriptedResponse Truncated(int declaredLength, byte[] sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(declaredLength, sent.Length);
        return new(200, OctetStream, TruncatedBody(declaredLength, sent));
    }

    /// <summary>Sends headers and <paramref name="first"/>, waits for <paramref name="gate"/>, then sends <paramref name="rest"/>.</summary>
    public static ScriptedResponse Chunked(string contentType, byte[] first, Task gate, byte[] rest, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(rest);
        return new(status, contentType, GatedBody(first, gate, rest));
    }

    /// <summary>Streams <c>[item0,item1,...]</c> (chunked, ~64 KiB writes) without materialising the body.</summary>
    public static ScriptedResponse JsonArrayStream(long itemCount, Func<long, string> itemJson)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentNullException.ThrowIfNull(itemJson);
        return new(200, JsonContentType, ItemStream(itemCount, itemJson, "[", ",", "]"));
    }

    /// <summary>Streams one item per line (each followed by '\n'), chunked, without materialising the body.</summary>
    public static ScriptedResponse NdjsonStream(long itemCount, Func<long, string> itemJson)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentNullException.ThrowIfNull(itemJson);
        return new(200, "application/x-ndjson", ItemStream(itemCount, itemJson, string.Empty, "\n", itemCount > 0 ? "\n" : string.Empty));
    }

    /// <summary>Adds a response header; adding the same name twice sends both values.</summary>
    public ScriptedResponse WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return new(_status, _contentType, _body, [.. _headers, new(name, value)], _gate);
    }

    /// <summary>Replaces the body with fixed bytes (sent with Content-Length).</summary>
    public ScriptedResponse WithBody(byte[] body, string contentType = OctetStream)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(contentType);
        return new(_status, contentType, Fixed(body), _headers, _gate);
    }

    /// <summary>Replaces the body with UTF-8 text.</summary>
    public ScriptedResponse WithText(string text, string contentType = "text/plain")
    {
        ArgumentNullException.ThrowIfNull(text);
        return WithBody(Encoding.UTF8.GetBytes(text), contentType);
    }

    /// <summary>Sends nothing until <paramref name="gate"/> completes (in any state) or the client aborts.</summary>
    public ScriptedResponse HoldUntil(Task gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return new(_status, _contentType, _body, _headers, gate);
    }

    internal async Task ExecuteAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        if (_gate is not null && !await WaitForGateAsync(_gate, aborted))
        {
            return;
        }

        var response = context.Response;
        response.StatusCode = _status;
        if (_contentType is not null)
        {
            response.ContentType = _contentType;
        }

        foreach (var (name, value) in _headers)
        {
            response.Headers.Append(name, value);
        }

        await _body(context, aborted);
    }

    /// <returns>False when the client aborted before the gate opened.</returns>
    private static async Task<bool> WaitForGateAsync(Task gate, CancellationToken aborted)
    {
        await gate.WaitAsync(aborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !aborted.IsCancellationRequested;
    }
}

using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Freight.TestUtils;

/// <summary>A request as received by <see cref="ScriptedServer"/>.</summary>
/// <param name="Method">HTTP method, e.g. "GET".</param>
/// <param name="Path">Request path, e.g. "/items".</param>
/// <param name="QueryString">Raw query including the leading '?', or "" when there is none.</param>
/// <param name="Headers">Case-insensitive; repeated headers are joined with ", ".</param>
/// <param name="Body">UTF-8 decoded body, capped at the first 64 KiB.</param>
/// <param name="Protocol">"HTTP/1.1" or "HTTP/2".</param>
/// <param name="ReceivedAt">Real wall-clock arrival time; informational only.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string Protocol,
    DateTimeOffset ReceivedAt)
{
    private const int MaxRecordedBodyBytes = 64 * 1024;

    /// <param name="context">The incoming request.</param>
    /// <param name="receivedAt">Arrival time.</param>
    /// <param name="keepBodyReadable">
    /// True when a custom handler will run and may read the body itself: it is buffered and rewound.
    /// Otherwise the rest of the body is drained so large uploads complete cleanly.
    /// </param>
    internal static async Task<RecordedRequest> CaptureAsync(HttpContext context, DateTimeOffset receivedAt, bool keepBodyReadable)
    {
        var request = context.Request;
        if (keepBodyReadable)
        {
            request.EnableBuffering();
        }

        var body = await ReadBodyAsync(request.Body, drainRest: !keepBodyReadable, context.RequestAborted);
        if (keepBodyReadable && request.Body.CanSeek)
        {
            request.Body.Position = 0;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(", ", values.ToArray());
        }

        return new RecordedRequest(
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.Value ?? string.Empty,
            headers.AsReadOnly(),
            body,
            request.Protocol,
            receivedAt);
    }

    private static async Task<string> ReadBodyAsync(Stream body, bool drainRest, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxRecordedBodyBytes);
        try
        {
            var length = 0;
            try
            {
                int read;
                while (length < MaxRecordedBodyBytes
                    && (read = await body.ReadAsync(buffer.AsMemory(length, MaxRecordedBodyBytes - length), cancellationToken)) > 0)
                {
                    length += read;
                }

                if (drainRest && length == MaxRecordedBodyBytes)
                {
                    await body.CopyToAsync(Stream.Null, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                // The client went away mid-body; the request is still recorded with what arrived.
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

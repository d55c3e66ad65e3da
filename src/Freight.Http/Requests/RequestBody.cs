using System.Net.Http.Headers;
using System.Text.Json;

namespace Freight.Http;

/// <summary>
/// A request body that can be sent again: every attempt gets fresh content, so retries never resend a consumed
/// stream. JSON is serialized once; a stream is buffered (up to a limit) or recreated by a factory.
/// </summary>
public abstract class RequestBody
{
    /// <summary>A JSON body, serialized with the client's <see cref="ApiClientOptions.JsonSerializerOptions"/>.</summary>
    public static RequestBody Json(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new JsonBody(value);
    }

    /// <summary>An <c>application/x-www-form-urlencoded</c> body.</summary>
    public static RequestBody Form(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new FormBody([.. fields]);
    }

    /// <summary>Raw bytes with a content type.</summary>
    public static RequestBody Bytes(byte[] content, string contentType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(content);
        return new BytesBody(content, contentType);
    }

    /// <summary>A stream opened afresh for every attempt; nothing is buffered, so any size can be sent.</summary>
    public static RequestBody FromFactory(Func<Stream> openStream, string contentType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(openStream);
        return new FactoryBody(openStream, contentType);
    }

    /// <summary>
    /// A stream read once into memory so it can be replayed. Fails when the stream is longer than
    /// <paramref name="maxBufferedBytes"/>; use <see cref="FromFactory"/> for large bodies.
    /// </summary>
    public static RequestBody FromStream(Stream stream, string contentType = "application/octet-stream", int maxBufferedBytes = 16 * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBufferedBytes)
            {
                throw new ArgumentException(
                    $"The request body is longer than {maxBufferedBytes} bytes and cannot be buffered for retries; use RequestBody.FromFactory.",
                    nameof(stream));
            }

            buffer.Write(chunk, 0, read);
        }

        return new BytesBody(buffer.ToArray(), contentType);
    }

    internal abstract HttpContent CreateContent(JsonSerializerOptions jsonOptions);

    private sealed class JsonBody(object value) : RequestBody
    {
        private byte[]? _utf8;

        internal override HttpContent CreateContent(JsonSerializerOptions jsonOptions)
        {
            _utf8 ??= JsonSerializer.SerializeToUtf8Bytes(value, jsonOptions.GetTypeInfo(value.GetType()));
            var content = new ByteArrayContent(_utf8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }
    }

    private sealed class FormBody(List<KeyValuePair<string, string>> fields) : RequestBody
    {
        internal override HttpContent CreateContent(JsonSerializerOptions jsonOptions) => new FormUrlEncodedContent(fields);
    }

    private sealed class BytesBody(byte[] content, string contentType) : RequestBody
    {
        internal override HttpContent CreateContent(JsonSerializerOptions jsonOptions)
        {
            var result = new ByteArrayContent(content);
            result.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return result;
        }
    }

    private sealed class FactoryBody(Func<Stream> openStream, string contentType) : RequestBody
    {
        internal override HttpContent CreateContent(JsonSerializerOptions jsonOptions)
        {
            var result = new StreamContent(openStream());
            result.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return result;
        }
    }
}

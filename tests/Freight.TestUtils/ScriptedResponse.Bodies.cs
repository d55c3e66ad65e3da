using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Freight.TestUtils;

public sealed partial class ScriptedResponse
{
    private const int StreamChunkBytes = 64 * 1024;

    // No Content-Length: Kestrel then sends "Content-Length: 0" itself, and 204/304 stay valid.
    private static Task NoBody(HttpContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    private static Task AbortConnection(HttpContext context, CancellationToken cancellationToken)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    private static BodyWriter Fixed(byte[] body) => async (context, cancellationToken) =>
    {
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, cancellationToken);
    };

    private static BodyWriter TruncatedBody(int declaredLength, byte[] sent) => async (context, cancellationToken) =>
    {
        var response = context.Response;
        response.ContentLength = declaredLength;
        if (!HttpProtocol.IsHttp2(context.Request.Protocol))
        {
            // HTTP/1.x: an abort resets the TCP connection, which can discard the partial body before the client
            // reads it. Returning short of Content-Length with "Connection: close" makes Kestrel close gracefully,
            // so the client deterministically sees headers, the partial body, then a premature end.
            response.Headers.Connection = "close";
            await response.Body.WriteAsync(sent, cancellationToken);
            return;
        }

        // HTTP/2: RST_STREAM is queued behind the DATA frames on the same connection, so the order is kept.
        await response.Body.WriteAsync(sent, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        context.Abort();
    };

    private static BodyWriter GatedBody(byte[] first, Task gate, byte[] rest) => async (context, cancellationToken) =>
    {
        await context.Response.Body.WriteAsync(first, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
        if (await WaitForGateAsync(gate, cancellationToken))
        {
            await context.Response.Body.WriteAsync(rest, cancellationToken);
        }
    };

    // Items are encoded straight into Kestrel's pipe and flushed every ~64 KiB, so memory stays flat
    // even for bodies of hundreds of megabytes; the flush also applies the client's back-pressure.
    private static BodyWriter ItemStream(long count, Func<long, string> item, string open, string separator, string close) =>
        async (context, cancellationToken) =>
        {
            var writer = context.Response.BodyWriter;
            var unflushed = Write(writer, open);
            for (long i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    unflushed += Write(writer, separator);
                }

                unflushed += Write(writer, item(i));
                if (unflushed >= StreamChunkBytes)
                {
                    var result = await writer.FlushAsync(cancellationToken);
                    if (result.IsCanceled || result.IsCompleted)
                    {
                        return;
                    }

                    unflushed = 0;
                }
            }

            Write(writer, close);
            await writer.FlushAsync(cancellationToken);
        };

    private static long Write(PipeWriter writer, string text) => Encoding.UTF8.GetBytes(text.AsSpan(), writer);
}

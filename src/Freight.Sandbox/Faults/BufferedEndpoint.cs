using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Freight.Sandbox.Faults;

/// <summary>Runs the endpoint with its body kept back, so a fault can decide what of it reaches the client.</summary>
internal static class BufferedEndpoint
{
    /// <summary>Runs the rest of the pipeline; its status and headers are set on the response, its body is returned.</summary>
    public static async Task<ReadOnlyMemory<byte>> RunAsync(RequestDelegate next, HttpContext context)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var buffered = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(buffered);
        try
        {
            await next(context);
            await buffered.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        return buffer.ToArray();
    }

    /// <summary>Declares the full Content-Length, sends the first half of the body, then ends the connection.</summary>
    public static async Task SendTruncatedAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            // An empty body cannot be cut: the connection closes before the answer, as a late drop.
            context.Abort();
            return;
        }

        // Ending the exchange short of Content-Length makes Kestrel close the connection once the sent bytes
        // are out (the host speaks HTTP/1.1: cleartext HTTP/2 is never negotiated). An abort would reset the
        // connection instead, and a reset can discard those bytes before the client reads them, turning the
        // truncation into a drop.
        context.Response.ContentLength = body.Length;
        context.Response.Headers.Connection = "close";
        await context.Response.Body.WriteAsync(body[..(body.Length / 2)], context.RequestAborted);
    }

    /// <summary>Sends the headers, then the body in chunks, each after <paramref name="delay"/> on <paramref name="time"/>.</summary>
    public static async Task SendSlowlyAsync(HttpContext context, ReadOnlyMemory<byte> body, int chunkBytes, TimeSpan delay, TimeProvider time)
    {
        var aborted = context.RequestAborted;
        context.Response.ContentLength = body.Length;
        await context.Response.StartAsync(aborted);
        await context.Response.Body.FlushAsync(aborted);
        for (var offset = 0; offset < body.Length; offset += chunkBytes)
        {
            await Task.Delay(delay, time, aborted);
            var chunk = body.Slice(offset, Math.Min(chunkBytes, body.Length - offset));
            await context.Response.Body.WriteAsync(chunk, aborted);
            await context.Response.Body.FlushAsync(aborted);
        }
    }
}

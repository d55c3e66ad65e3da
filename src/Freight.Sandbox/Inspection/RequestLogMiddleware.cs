using Freight.Sandbox.Faults;
using Freight.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Inspection;

/// <summary>
/// Records every request outside <c>/_sandbox</c> in the <see cref="RequestLog"/> with the status the client
/// got, 0 when the connection was cut, faulted or not. An answer is counted as its headers go out, before the
/// client can read it, so a client that reads <c>/_sandbox/requests</c> right after an answer finds it counted.
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, SandboxRoutes routes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (SandboxRoutes.IsInspection(context.Request.Path))
        {
            await next(context);
            return;
        }

        var entry = new RequestLogEntry(log, routes.Of(context));
        context.Features.Set(entry);
        context.Response.OnStarting(static state =>
        {
            var (entry, response) = ((RequestLogEntry, HttpResponse))state;
            entry.Record(response.StatusCode);
            return Task.CompletedTask;
        }, (entry, context.Response));
        try
        {
            await next(context);
        }
        catch when (!context.Response.HasStarted)
        {
            // Kestrel answers an exception with a bare 500; log it as such.
            entry.Record(StatusCodes.Status500InternalServerError);
            throw;
        }

        // Counts what the callback did not: a cut connection, or an answer whose headers go out only after this.
        var cut = context.Features.Get<InjectedFault>()?.Kind.CutsConnection() == true || context.RequestAborted.IsCancellationRequested;
        entry.Record(cut ? RequestLog.NoAnswer : context.Response.StatusCode);
    }
}

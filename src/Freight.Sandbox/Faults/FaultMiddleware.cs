using Freight.Sandbox.Hosting;
using Freight.Sandbox.Inspection;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Faults;

/// <summary>
/// Carries out the injector's decision for each request outside <c>/_sandbox</c>: the latency first, then
/// the fault. 5xx, 429 and early drops happen before the endpoint; the other faults let it run into a
/// buffer (<see cref="BufferedEndpoint"/>) and then damage the answer on its way out.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector injector, SandboxRoutes routes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (SandboxRoutes.IsInspection(context.Request.Path))
        {
            await next(context);
            return;
        }

        var decision = injector.Next(routes.Of(context));
        var aborted = context.RequestAborted;
        try
        {
            if (decision.Delay > TimeSpan.Zero)
            {
                await Task.Delay(decision.Delay, injector.Time, aborted);
            }

            if (decision.Kind is not { } kind)
            {
                await next(context);
                return;
            }

            context.Features.Set(new InjectedFault(kind));
            await InjectAsync(context, kind, decision);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException
            && (aborted.IsCancellationRequested || context.Response.HasStarted))
        {
            // The client went away (or the fault cut the connection): nobody is left to answer.
        }
    }

    private async Task InjectAsync(HttpContext context, FaultKind kind, FaultDecision decision)
    {
        var profile = decision.Profile;
        switch (kind)
        {
            case FaultKind.ServerError or FaultKind.RateLimit:
                await injector.Responder.WriteAsync(context.Response, decision.StatusCode, profile.RetryAfter, injector.Time.GetUtcNow());
                break;
            case FaultKind.DroppedBeforeProcessing:
                LogNoAnswer(context);
                context.Abort();
                break;
            case FaultKind.DroppedAfterProcessing:
                await BufferedEndpoint.RunAsync(next, context);
                LogNoAnswer(context);
                context.Abort();
                break;
            case FaultKind.TruncatedBody:
                var whole = await BufferedEndpoint.RunAsync(next, context);
                LogNoAnswer(context);
                await BufferedEndpoint.SendTruncatedAsync(context, whole);
                break;
            case FaultKind.SlowBody:
                var body = await BufferedEndpoint.RunAsync(next, context);
                await BufferedEndpoint.SendSlowlyAsync(context, body, profile.SlowBodyChunkBytes, profile.SlowBodyChunkDelay, injector.Time);
                break;
        }
    }

    // Counted before the cut, so the client cannot see the cut before the log does.
    private static void LogNoAnswer(HttpContext context) =>
        context.Features.Get<RequestLogEntry>()?.Record(RequestLog.NoAnswer);
}

/// <summary>Marks a request whose fault was injected, for the request log.</summary>
internal sealed record InjectedFault(FaultKind Kind);

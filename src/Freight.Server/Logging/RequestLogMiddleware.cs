using Freight.Server.Auth;
using Freight.Server.Hosting;

namespace Freight.Server.Logging;

/// <summary>
/// One structured log line per request: request id, tenant (when authenticated), method, route template, status and
/// duration. The route template stands in for the path, and nothing of the query, the headers or the body is
/// logged, so ids, keys and credentials sent by a client never reach the log.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, TimeProvider time, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var status = context.Response.StatusCode;
            var level = status >= StatusCodes.Status500InternalServerError ? LogLevel.Warning : LogLevel.Information;
            if (logger.IsEnabled(level))
            {
                var route = RouteOf(context);
                var durationMs = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1);
                var requestId = RequestIds.Of(context);
                var tenantId = context.Features.Get<Caller>()?.TenantId;
                LogRequest(logger, level, context.Request.Method, route, status, durationMs, requestId, tenantId);
            }
        }
    }

    /// <summary>The matched route's template (<c>/api/v1/jobs/{jobId:guid}</c>), or null when no route matched.</summary>
    internal static string? RouteOf(HttpContext context) => (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;

    [LoggerMessage(EventId = 5201, Message = "{Method} {Route} answered {Status} in {DurationMs} ms (request {RequestId}, tenant {TenantId})")]
    private static partial void LogRequest(
        ILogger logger, LogLevel level, string method, string? route, int status, double durationMs, string requestId, Guid? tenantId);
}

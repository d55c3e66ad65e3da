using System.Diagnostics;
using System.Diagnostics.Metrics;
using Freight.Server.Logging;

namespace Freight.Server.Metrics;

/// <summary>
/// The API's own meter, <c>Freight.Server</c>, made by the host's <see cref="IMeterFactory"/> so that each server
/// has its own: requests answered and their duration, by method, route template and status.
/// </summary>
public sealed class ServerMetrics
{
    public const string MeterName = "Freight.Server";

    private static readonly HashSet<string> KnownMethods = new(
        [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Head, HttpMethods.Options],
        StringComparer.OrdinalIgnoreCase);

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    public ServerMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _requests = Meter.CreateCounter<long>("freight.server.http.requests", "{request}", "Requests answered, by method, route and status.");
        _duration = Meter.CreateHistogram<double>("freight.server.http.request.duration", "s", "Time to answer a request, by method, route and status.");
    }

    public Meter Meter { get; }

    /// <summary>
    /// Counts an answered request. Unknown methods count as <c>_OTHER</c> and requests no route matched as
    /// <c>unmatched</c>, so hostile input cannot grow the number of series.
    /// </summary>
    public void RecordRequest(HttpContext context, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = KnownMethods.TryGetValue(context.Request.Method, out var known) ? known : "_OTHER";
        var tags = new TagList
        {
            { "method", method },
            { "route", RequestLogMiddleware.RouteOf(context) ?? "unmatched" },
            { "status", context.Response.StatusCode },
        };
        _requests.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }
}

/// <summary>Middleware that gives every request to <see cref="ServerMetrics.RecordRequest"/> once it is answered.</summary>
internal sealed class HttpMetricsMiddleware(RequestDelegate next, ServerMetrics metrics, TimeProvider time)
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
            metrics.RecordRequest(context, time.GetElapsedTime(started));
        }
    }
}

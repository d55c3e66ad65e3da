namespace Freight.Server.Logging;

/// <summary>The API's logs: JSON lines on the console, and the request log in place of ASP.NET Core's own.</summary>
public static class RequestLogging
{
    /// <summary>
    /// One JSON object per line on the console (UTC times); ASP.NET Core's per-request lines are kept to warnings,
    /// since they carry the raw path and query string, where a client may have put a secret.
    /// </summary>
    public static ILoggingBuilder AddFreightServerLogging(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // ASP.NET Core's own per-request lines would repeat the request log; with them off the host also opens no
        // log scope (nor an activity for it) per request.
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        return logging;
    }

    /// <summary>Logs every request once it is answered; add it before anything that can answer.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseMiddleware<RequestLogMiddleware>();
}

using System.Text.Json;

namespace Freight.Server.Errors;

/// <summary>
/// Gives every failure the <see cref="ApiError"/> shape: exceptions (bad request bodies at their own status —
/// malformed JSON 400, too large 413, not JSON 415 — anything else a 500 with nothing of the exception in it),
/// and answers the framework leaves without a body (404 for an unknown route, 405).
/// </summary>
internal sealed partial class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            var (code, message) = bad.InnerException is JsonException json
                ? (ErrorCodes.InvalidJson, $"The request body is not valid JSON{Where(json)}.")
                : bad.StatusCode == StatusCodes.Status400BadRequest ? (ErrorCodes.BadRequest, bad.Message) : ErrorCodes.ForStatus(bad.StatusCode);
            await Problems.WriteAsync(context, bad.StatusCode, code, message);
            return;
        }
        catch (Exception error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogUnhandled(logger, error, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "The server could not answer this request.");
            return;
        }

        if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentLength is null or 0
            && string.IsNullOrEmpty(context.Response.ContentType))
        {
            var (code, message) = ErrorCodes.ForStatus(context.Response.StatusCode);
            await Problems.WriteAsync(context, context.Response.StatusCode, code, message);
        }
    }

    private static string Where(JsonException json) =>
        json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Unhandled error answering {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception error, string method, string path);
}

using Microsoft.Extensions.Logging;

namespace Freight.Http;

/// <summary>Logs each attempt's method, path (never the query, which may hold keys) and status at debug level.</summary>
public sealed class LoggingHook(ILogger logger) : IRequestHook
{
    /// <inheritdoc />
    public ValueTask AfterAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        Log.AttemptCompleted(logger, request.Method, request.RequestUri?.AbsolutePath ?? string.Empty, (int)response.StatusCode);
        return ValueTask.CompletedTask;
    }
}

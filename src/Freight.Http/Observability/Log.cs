using Microsoft.Extensions.Logging;

namespace Freight.Http;

/// <summary>Log events. Paths only: query strings and headers may carry secrets and are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Attempt {Attempt} of {Method} {Path} failed with {Outcome}; retrying in {Delay}")]
    public static partial void AttemptFailed(ILogger logger, int attempt, HttpMethod method, string path, string outcome, TimeSpan delay);

    [LoggerMessage(2, LogLevel.Error, "{Method} {Path} failed after {Attempts} attempt(s): {Kind} {Message}")]
    public static partial void CallFailed(ILogger logger, HttpMethod method, string path, int attempts, ApiErrorKind kind, string message);

    [LoggerMessage(3, LogLevel.Warning, "Circuit breaker {Key} is now {State} (break {BreakDuration})")]
    public static partial void CircuitStateChanged(ILogger logger, string key, CircuitState state, TimeSpan? breakDuration);

    [LoggerMessage(4, LogLevel.Information, "Rate-limit key {Key} paused until {Until} after a 429")]
    public static partial void KeyPaused(ILogger logger, string key, DateTimeOffset until);

    [LoggerMessage(5, LogLevel.Debug, "{Method} {Path} answered {Status}")]
    public static partial void AttemptCompleted(ILogger logger, HttpMethod method, string path, int status);

    [LoggerMessage(6, LogLevel.Debug, "{Method} {Path} got 401; credentials refreshed, sending once more")]
    public static partial void CredentialsRefreshed(ILogger logger, HttpMethod method, string path);
}

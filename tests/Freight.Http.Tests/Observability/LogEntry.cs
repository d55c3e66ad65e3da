using Microsoft.Extensions.Logging;

namespace Freight.Http.Tests.Observability;

/// <summary>One log event as a logger received it: the formatted message and the structured values.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
{
    /// <summary>Everything an event exposes as text: message, each structured value and the exception.</summary>
    public IEnumerable<string> AllText() =>
        [Message, .. State.Select(pair => Convert.ToString(pair.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty), Exception?.ToString() ?? string.Empty];
}

using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Freight.Server.Tests.Logging;

/// <summary>One log entry as a provider receives it: the message, and each structured field of its state.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Fields, string? Exception)
{
    /// <summary>The entry as one JSON line, every field and the exception included, as a JSON console would write it.</summary>
    public string Line => JsonSerializer.Serialize(new
    {
        Category,
        Level = Level.ToString(),
        EventId,
        Message,
        Fields = Fields.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString()),
        Exception,
    });
}

/// <summary>A logger provider that keeps every entry, for tests that read what the server logged.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly List<LogEntry> _entries = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>
    /// Waits for <paramref name="count"/> entries matching <paramref name="match"/>: a request's line is written
    /// just after its answer is sent. The real-time limit only fails a broken test instead of hanging it.
    /// </summary>
    public async Task<IReadOnlyList<LogEntry>> WaitForAsync(Func<LogEntry, bool> match, int count = 1)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var found = _entries.Where(match).ToList();
                if (found.Count >= count)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(limit.Token);
        }
    }

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
            _changed.TrySetResult();
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(pair => pair.Key, pair => pair.Value)
                : [];
            logs.Add(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), fields, exception?.ToString()));
        }
    }
}

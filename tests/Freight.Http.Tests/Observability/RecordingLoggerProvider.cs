using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Freight.Http.Tests.Observability;

/// <summary>Keeps every event logged through it, at every level, in order.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, _entries);

    public void Dispose()
    {
    }
}

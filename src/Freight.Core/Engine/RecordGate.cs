namespace Freight.Core.Engine;

/// <summary>
/// The records of one entity phase that a write has started and not yet finished (written or refused). The next phase
/// starts writing while this one finishes its last records; a record of it that names one of these waits for that
/// record, so every record meets its references as it would after the whole phase.
/// </summary>
internal sealed class RecordGate
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TaskCompletionSource> _pending = new(StringComparer.Ordinal);
    private bool _closed;

    /// <summary>Nothing is pending: a later record need not look at its references.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count == 0;
            }
        }
    }

    /// <summary>The records of a batch about to be written; one already pending (a batch taken again) stays as it is.</summary>
    public void Open(IEnumerable<string> sourceIds)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            foreach (var id in sourceIds)
            {
                _pending.TryAdd(id, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }
        }
    }

    /// <summary>The record was written or refused (a record a write gave up on stays pending until <see cref="Close"/>).</summary>
    public void Finish(string sourceId)
    {
        TaskCompletionSource? done;
        lock (_lock)
        {
            _pending.Remove(sourceId, out done);
        }

        done?.TrySetResult();
    }

    /// <summary>Completes when the record <paramref name="sourceId"/> is finished; null when it is not pending.</summary>
    public Task? Pending(string sourceId)
    {
        lock (_lock)
        {
            return _pending.TryGetValue(sourceId, out var pending) ? pending.Task : null;
        }
    }

    /// <summary>The phase is over: every waiter goes on, and nothing is pending any more.</summary>
    public void Close()
    {
        List<TaskCompletionSource> waiting;
        lock (_lock)
        {
            _closed = true;
            waiting = [.. _pending.Values];
            _pending.Clear();
        }

        foreach (var pending in waiting)
        {
            pending.TrySetResult();
        }
    }
}

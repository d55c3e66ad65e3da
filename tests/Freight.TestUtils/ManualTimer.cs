namespace Freight.TestUtils;

/// <summary>Timer handed out by <see cref="ManualTimeProvider"/>; all scheduling state lives in the provider.</summary>
internal sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    // Like System.Threading.Timer, run the callback in the context captured at creation (null when suppressed).
    private readonly ExecutionContext? _context = ExecutionContext.Capture();

    // The properties below are guarded by the owner's lock.
    internal DateTimeOffset DueAt { get; set; }

    internal TimeSpan Period { get; set; }

    internal long Sequence { get; set; }

    internal bool IsDisposed { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period) => owner.Change(this, dueTime, period);

    public void Dispose() => owner.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Fire()
    {
        if (_context is null)
        {
            Invoke();
        }
        else
        {
            ExecutionContext.Run(_context, static self => ((ManualTimer)self!).Invoke(), this);
        }
    }

    private void Invoke() => callback(state);
}

namespace Freight.Core.Engine;

/// <summary>
/// What a phase tells the next one: that it is done reading the source (the next may read), and that every one of its
/// records has started being written (the next may write, its records waiting for the ones they name).
/// </summary>
internal sealed class PhaseHandoff
{
    private readonly TaskCompletionSource _sourceRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _recordsStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The handoff before the first phase: nothing to wait for.</summary>
    public static PhaseHandoff None { get; } = Completed();

    public Task SourceRead => _sourceRead.Task;

    public Task RecordsStarted => _recordsStarted.Task;

    public void MarkSourceRead() => _sourceRead.TrySetResult();

    public void MarkRecordsStarted() => _recordsStarted.TrySetResult();

    /// <summary>The phase ended (or gave up): the next one waits for nothing more from it.</summary>
    public void Complete()
    {
        MarkSourceRead();
        MarkRecordsStarted();
    }

    private static PhaseHandoff Completed()
    {
        var handoff = new PhaseHandoff();
        handoff.Complete();
        return handoff;
    }
}

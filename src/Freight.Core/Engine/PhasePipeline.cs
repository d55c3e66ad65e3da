namespace Freight.Core.Engine;

/// <summary>
/// What the reader and the writer of one entity phase share: the room for batches stored ahead of the writer, and a
/// signal that something changed. Memory stays bounded: the reader holds one batch while it reads,
/// the writer at most <see cref="MaxBatchesInFlight"/>; batches read ahead wait in the database.
/// </summary>
internal sealed class PhasePipeline : IDisposable
{
    /// <summary>Batches stored and not yet taken by the writer before the reader waits.</summary>
    public const int ReadAheadBatches = 2;

    /// <summary>Batches being written at once: one dispatching its records, the others finishing their last ones.</summary>
    public const int MaxBatchesInFlight = 3;

    private readonly SemaphoreSlim _room = new(ReadAheadBatches);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="StoredAsync"/>; take it before looking for a batch, so no store is missed.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>The reader waits here before reading the next batch.</summary>
    public Task WaitForRoomAsync(CancellationToken cancellationToken) => _room.WaitAsync(cancellationToken);

    /// <summary>
    /// The reader stored <paramref name="count"/> batches from the read it had room for: wakes the writer, and holds
    /// room for each of them (none stored gives the room back; several wait for more).
    /// </summary>
    public async Task StoredAsync(int count, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (count == 0)
        {
            _room.Release();
        }

        for (var extra = 1; extra < count; extra++)
        {
            await _room.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The writer took a stored batch: the reader may store another. Batches a resumed run finds pending give room too,
    /// so the reader may then run that many further ahead; those wait in the database, not in memory.
    /// </summary>
    public void Taken() => _room.Release();

    public void Dispose() => _room.Dispose();
}

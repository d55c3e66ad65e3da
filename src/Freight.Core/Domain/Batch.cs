namespace Freight.Core.Domain;

/// <summary>
/// The unit of checkpoint and retry: up to a job's batch size of source records, stored with their payload
/// before anything is written, and without it once written.
/// </summary>
public sealed class Batch
{
    public Guid Id { get; init; }

    public Guid JobId { get; init; }

    public Phase Phase { get; init; }

    /// <summary>Order within the job's phase, from 1; unique per job and phase.</summary>
    public int Sequence { get; init; }

    public BatchStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public int RecordCount { get; init; }

    /// <summary>The source records as read (opaque to the store); null once the batch succeeded.</summary>
    public byte[]? Payload { get; private set; }

    /// <summary>The last attempt's error.</summary>
    public string? Error { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static Batch Create(Guid jobId, Phase phase, int sequence, int recordCount, byte[] payload, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(recordCount);
        ArgumentNullException.ThrowIfNull(payload);
        return new()
        {
            Id = Guid.CreateVersion7(now),
            JobId = jobId,
            Phase = phase,
            Sequence = sequence,
            RecordCount = recordCount,
            Payload = payload,
            Status = BatchStatus.Pending,
            CreatedAt = now,
        };
    }

    public void Start(DateTimeOffset now)
    {
        Ensure(BatchStatus.Pending, BatchStatus.Running);
        Status = BatchStatus.Running;
        Attempts++;
        StartedAt = now;
        CompletedAt = null;
    }

    /// <summary>Every record was written, skipped or recorded as failed: the payload is no longer needed.</summary>
    public void Succeed(DateTimeOffset now)
    {
        Ensure(BatchStatus.Running, BatchStatus.Succeeded);
        Status = BatchStatus.Succeeded;
        Payload = null;
        Error = null;
        CompletedAt = now;
    }

    /// <summary>The batch failed for good; it keeps its payload for a later retry.</summary>
    public void Fail(string error, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        Ensure(BatchStatus.Running, BatchStatus.Failed);
        Status = BatchStatus.Failed;
        Error = error;
        CompletedAt = now;
    }

    /// <summary>The attempt failed transiently: back to pending for another attempt, keeping the error.</summary>
    public void Requeue(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        Ensure(BatchStatus.Running, BatchStatus.Pending);
        Status = BatchStatus.Pending;
        Error = error;
    }

    private void Ensure(BatchStatus expected, BatchStatus target)
    {
        if (Status != expected)
        {
            throw new StateTransitionException(
                $"Batch {SnakeCase.Name(Phase)}#{Sequence} is {SnakeCase.Name(Status)}; only a {SnakeCase.Name(expected)} batch can become {SnakeCase.Name(target)}.");
        }
    }
}

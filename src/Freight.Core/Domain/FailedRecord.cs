namespace Freight.Core.Domain;

/// <summary>A record that could not be migrated, kept with its payload and what went wrong where.</summary>
public sealed class FailedRecord
{
    public long Id { get; init; }

    public Guid JobId { get; init; }

    /// <summary>The batch the record was in, if it got that far.</summary>
    public Guid? BatchId { get; init; }

    public Phase Entity { get; init; }

    public required string SourceId { get; init; }

    /// <summary>The record as read (JSON), for inspection and retry.</summary>
    public string? Payload { get; init; }

    public FailureOrigin Origin { get; init; }

    /// <summary>The failing side's error code, such as the target's <c>validation_type</c>.</summary>
    public required string ErrorCode { get; init; }

    public required string Message { get; init; }

    /// <summary>Whether retrying the record may succeed without anyone fixing anything.</summary>
    public bool Retryable { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

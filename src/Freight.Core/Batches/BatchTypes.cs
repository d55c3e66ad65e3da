using Freight.Core.Domain;

namespace Freight.Core.Batches;

/// <summary>A batch to store: its records as one opaque payload, and how many records that is.</summary>
public sealed record NewBatch(int RecordCount, byte[] Payload);

/// <summary>
/// One source page turned into batches, and the connector's cursor after it. <paramref name="IsLast"/> when
/// the source has no more pages for the phase.
/// </summary>
public sealed record SourcePage(IReadOnlyList<NewBatch> Batches, string? NextCursor, bool IsLast);

/// <summary>How a batch's records ended: the failed ones with their reasons, how many were skipped; the rest were written.</summary>
public sealed record BatchResult(IReadOnlyList<RecordFailure> Failures, int Skipped = 0)
{
    public static BatchResult AllWritten { get; } = new([]);
}

/// <summary>A record of the batch that could not be migrated.</summary>
public sealed record RecordFailure(
    string SourceId, FailureOrigin Origin, string ErrorCode, string Message, bool Retryable, string? Payload = null);

/// <summary>A batch as the API lists it, without its payload.</summary>
public sealed record BatchSummary(
    Guid Id,
    Guid JobId,
    Phase Phase,
    int Sequence,
    BatchStatus Status,
    int Attempts,
    int RecordCount,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt);

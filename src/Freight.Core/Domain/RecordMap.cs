namespace Freight.Core.Domain;

/// <summary>
/// A source record's identity in the target, per job and entity. A write with no unique key on the target
/// records its intent first (<see cref="RecordMapState.Pending"/>, no target id); after a crash such a row
/// means "the outcome is unknown: reconcile against the target before sending again".
/// </summary>
public sealed class RecordMap
{
    public Guid JobId { get; init; }

    public Phase Entity { get; init; }

    public required string SourceId { get; init; }

    public string? TargetId { get; set; }

    public RecordMapState State { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

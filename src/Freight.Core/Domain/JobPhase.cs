namespace Freight.Core.Domain;

/// <summary>A job's progress in one phase: its checkpoint in the source and its counters.</summary>
public sealed class JobPhase
{
    public Guid JobId { get; init; }

    public Phase Phase { get; init; }

    public PhaseStatus Status { get; set; }

    /// <summary>
    /// Where reading the source resumes: the connector's opaque cursor after the last page that was turned into
    /// batches. Null before the first page.
    /// </summary>
    public string? SourceCursor { get; set; }

    /// <summary>Every source page was turned into batches; no more batches will be added.</summary>
    public bool SourceCompleted { get; set; }

    public long RecordsRead { get; set; }

    public long RecordsWritten { get; set; }

    public long RecordsFailed { get; set; }

    public long RecordsSkipped { get; set; }
}

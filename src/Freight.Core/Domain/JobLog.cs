namespace Freight.Core.Domain;

/// <summary>One structured log row of a job; a job keeps a bounded number of them.</summary>
public sealed class JobLog
{
    public long Id { get; init; }

    public Guid JobId { get; init; }

    public JobLogLevel Level { get; init; }

    public required string Message { get; init; }

    public Phase? Entity { get; init; }

    public Guid? BatchId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

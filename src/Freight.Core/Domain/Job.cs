namespace Freight.Core.Domain;

/// <summary>
/// A migration from one system to another. Counters are changed only with set-based increments
/// (<see cref="Jobs.JobStore.AddProgressAsync"/>), so an instance in memory may hold stale counts.
/// </summary>
public sealed partial class Job
{
    public const int DefaultBatchSize = 1000;
    public const int MinBatchSize = 100;
    public const int MaxBatchSize = 10_000;
    public const int MaxIdempotencyKeyLength = 255;

    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public required string SourceSystem { get; init; }

    public required string TargetSystem { get; init; }

    /// <summary>The source config, encrypted by <see cref="Secrets.ISecretProtector"/>; never shown or logged.</summary>
    public required string ProtectedSourceConfig { get; init; }

    /// <summary>The target config, encrypted like <see cref="ProtectedSourceConfig"/>.</summary>
    public required string ProtectedTargetConfig { get; init; }

    public int BatchSize { get; init; }

    public required RetryPolicy RetryPolicy { get; init; }

    /// <summary>The selected entity phases, in dependency order.</summary>
    public required IReadOnlyList<Phase> Entities { get; init; }

    public bool DryRun { get; init; }

    public JobStatus Status { get; private set; }

    /// <summary>Why the job failed or was cancelled, naming the side and what to fix.</summary>
    public string? StatusReason { get; private set; }

    public long TotalRecords { get; private set; }

    public long ProcessedRecords { get; private set; }

    public long FailedRecords { get; private set; }

    public long SkippedRecords { get; private set; }

    /// <summary>Log entries offered so far, kept or dropped (see <see cref="Logs.JobLogStore"/>).</summary>
    public long LogCount { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The worker holding the job; null when no worker does.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public DateTimeOffset? HeartbeatAt { get; private set; }

    public bool CancelRequested { get; private set; }

    /// <summary>
    /// Changes whenever what the API shows of the job changes (status, counters, phases): the concurrency token
    /// of optimistic updates, and the job's ETag. Heartbeats leave it alone.
    /// </summary>
    public long Version { get; private set; }

    public string? IdempotencyKey { get; init; }

    public string? RequestHash { get; init; }

    public List<JobPhase> Phases { get; init; } = [];

    public bool IsFinished => Status is JobStatus.Completed or JobStatus.CompletedWithErrors or JobStatus.Failed or JobStatus.Cancelled;

    /// <summary>A worker may claim the job: it waits to start, or its worker's lease ran out.</summary>
    public bool IsClaimable(DateTimeOffset now) =>
        Status == JobStatus.Pending
        || (Status is JobStatus.Running or JobStatus.Cancelling && (LeaseExpiresAt is null || LeaseExpiresAt <= now));
}

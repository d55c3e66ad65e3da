namespace Freight.Client;

/// <summary>A job as the API shows it (never its configs, which hold credentials).</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Status">Where the job is.</param>
/// <param name="StatusReason">Why it failed or was cancelled, when it did.</param>
/// <param name="SourceSystem">The connector read from, such as <c>affinity</c>.</param>
/// <param name="TargetSystem">The connector written to, such as <c>attio</c>.</param>
/// <param name="BatchSize">Records per batch.</param>
/// <param name="DryRun">Whether records are read and mapped without being written.</param>
/// <param name="Entities">The phases the job runs.</param>
/// <param name="TotalRecords">Records found in the source so far.</param>
/// <param name="ProcessedRecords">Records handled (written, failed or skipped).</param>
/// <param name="FailedRecords">Records that could not be migrated.</param>
/// <param name="SkippedRecords">Records left out (already present, or nothing to write).</param>
/// <param name="Phases">Progress of each phase, in running order.</param>
/// <param name="CreatedAt">When the job was created.</param>
/// <param name="StartedAt">When a worker started it.</param>
/// <param name="CompletedAt">When it finished.</param>
/// <param name="UpdatedAt">When anything shown here last changed.</param>
/// <param name="Links">The job's related routes.</param>
public sealed record JobResponse(
    Guid Id,
    JobStatus Status,
    string? StatusReason,
    string SourceSystem,
    string TargetSystem,
    int BatchSize,
    bool DryRun,
    IReadOnlyList<Phase> Entities,
    long TotalRecords,
    long ProcessedRecords,
    long FailedRecords,
    long SkippedRecords,
    IReadOnlyList<PhaseResponse> Phases,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset UpdatedAt,
    JobLinks Links);

/// <summary>One phase's progress.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Status">Where it is.</param>
/// <param name="RecordsRead">Records read from the source.</param>
/// <param name="RecordsWritten">Records written to the target.</param>
/// <param name="RecordsFailed">Records that failed.</param>
/// <param name="RecordsSkipped">Records skipped.</param>
public sealed record PhaseResponse(Phase Phase, PhaseStatus Status, long RecordsRead, long RecordsWritten, long RecordsFailed, long RecordsSkipped);

/// <summary>A job's related routes, relative to the server.</summary>
/// <param name="Self">The job.</param>
/// <param name="Batches">Its batches.</param>
/// <param name="Logs">Its log.</param>
/// <param name="Failures">Its failed records.</param>
/// <param name="Events">Its live events.</param>
/// <param name="Cancel">Where to cancel it.</param>
/// <param name="Retry">Where to retry it.</param>
public sealed record JobLinks(string Self, string Batches, string Logs, string Failures, string Events, string Cancel, string Retry);

/// <summary>The answer to a conditional read of a job: the job, or nothing when it has not changed.</summary>
/// <param name="Job">The job; <see langword="null"/> when the server answered 304 Not Modified.</param>
/// <param name="ETag">The job's current entity tag, to pass to the next read.</param>
public sealed record JobSnapshot(JobResponse? Job, string? ETag)
{
    /// <summary>Whether the job is unchanged since the entity tag that was sent (a 304).</summary>
    public bool NotModified => Job is null;
}

/// <summary>The answer to a retry.</summary>
/// <param name="BatchesQueuedForRetry">How many batches went back to the queue.</param>
/// <param name="Job">The job as it is now.</param>
public sealed record RetryResponse(int BatchesQueuedForRetry, JobResponse Job);

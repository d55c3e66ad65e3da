namespace Freight.Client;

/// <summary>Where a job is in its life; the last four are final.</summary>
public enum JobStatus
{
    /// <summary>Queued, not yet picked up by a worker.</summary>
    Pending,

    /// <summary>A worker is migrating it.</summary>
    Running,

    /// <summary>A cancel was asked for; the worker stops at the next batch.</summary>
    Cancelling,

    /// <summary>Every record was migrated.</summary>
    Completed,

    /// <summary>Finished, with some records failed (see the failures).</summary>
    CompletedWithErrors,

    /// <summary>Stopped by an error the job could not get past.</summary>
    Failed,

    /// <summary>Stopped on request.</summary>
    Cancelled,
}

/// <summary>A job's phases, in the dependency order they run in.</summary>
public enum Phase
{
    /// <summary>The target's attributes and lists.</summary>
    Schema,

    /// <summary>Companies.</summary>
    Companies,

    /// <summary>People.</summary>
    People,

    /// <summary>Deals.</summary>
    Deals,

    /// <summary>Notes.</summary>
    Notes,

    /// <summary>List entries.</summary>
    ListEntries,
}

/// <summary>Where one phase of a job is.</summary>
public enum PhaseStatus
{
    /// <summary>Not started.</summary>
    Pending,

    /// <summary>In progress.</summary>
    Running,

    /// <summary>Done.</summary>
    Completed,
}

/// <summary>Where one batch of records is.</summary>
public enum BatchStatus
{
    /// <summary>Waiting for a worker.</summary>
    Pending,

    /// <summary>Being written.</summary>
    Running,

    /// <summary>Written.</summary>
    Succeeded,

    /// <summary>Gave up after its attempts.</summary>
    Failed,
}

/// <summary>The level of a job's log line.</summary>
public enum JobLogLevel
{
    /// <summary>Detail for debugging.</summary>
    Debug,

    /// <summary>Progress.</summary>
    Info,

    /// <summary>Something went wrong and the job went on.</summary>
    Warning,

    /// <summary>Something failed.</summary>
    Error,
}

/// <summary>Which side a failed record's problem is on.</summary>
public enum FailureOrigin
{
    /// <summary>The record as read from the source.</summary>
    Source,

    /// <summary>Turning the record into the target's shape.</summary>
    Mapping,

    /// <summary>The target refused it.</summary>
    Target,
}

/// <summary>Helpers on <see cref="JobStatus"/>.</summary>
public static class JobStatusExtensions
{
    /// <summary>Whether a job in <paramref name="status"/> has finished and will not change unless retried.</summary>
    public static bool IsFinished(this JobStatus status) =>
        status is JobStatus.Completed or JobStatus.CompletedWithErrors or JobStatus.Failed or JobStatus.Cancelled;
}

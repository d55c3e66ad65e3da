namespace Freight.Core.Domain;

// Stored and serialized as snake_case names ("completed_with_errors"), never as numbers, so members may be
// reordered or added without a data migration.

public enum TenantStatus
{
    Active,
    Suspended,
}

public enum JobStatus
{
    Pending,
    Running,
    Cancelling,
    Completed,
    CompletedWithErrors,
    Failed,
    Cancelled,
}

public enum PhaseStatus
{
    Pending,
    Running,
    Completed,
}

public enum BatchStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
}

public enum JobLogLevel
{
    Debug,
    Info,
    Warning,
    Error,
}

/// <summary>Whether a record's write reached the target: <c>Pending</c> is an intent recorded before sending.</summary>
public enum RecordMapState
{
    Pending,
    Done,
}

/// <summary>Which side a failed record's problem is on, so the message can say what to fix.</summary>
public enum FailureOrigin
{
    Source,
    Mapping,
    Target,
}

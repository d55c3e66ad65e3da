namespace Freight.Client;

/// <summary>What a server-sent job event says.</summary>
public enum JobEventKind
{
    /// <summary>The job changed (<c>event: progress</c>); the first event is the job as it is on connecting.</summary>
    Progress,

    /// <summary>The job finished (<c>event: end</c>); the stream ends after it.</summary>
    End,
}

/// <summary>One event of a job's live stream.</summary>
/// <param name="Kind">Progress or end.</param>
/// <param name="Id">The event id the server sent (the job's version), if any.</param>
/// <param name="Job">The job as it was when the event was sent.</param>
public sealed record JobEvent(JobEventKind Kind, string? Id, JobResponse Job);

using Freight.Core.Secrets;

namespace Freight.Core.Domain;

public sealed partial class Job
{
    /// <summary>A pending job with one phase per selected entity (plus schema) and its configs encrypted.</summary>
    public static Job Create(NewJob spec, ISecretProtector secrets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.SourceSystem, nameof(spec.SourceSystem));
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.TargetSystem, nameof(spec.TargetSystem));
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.BatchSize, MinBatchSize, nameof(spec.BatchSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.BatchSize, MaxBatchSize, nameof(spec.BatchSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.IdempotencyKey?.Length ?? 0, MaxIdempotencyKeyLength, nameof(spec.IdempotencyKey));
        spec.RetryPolicy.Validate();

        var id = Guid.CreateVersion7(now);
        var phases = Domain.Phases.ForSelection(spec.Entities);
        return new Job
        {
            Id = id,
            TenantId = spec.TenantId,
            SourceSystem = spec.SourceSystem,
            TargetSystem = spec.TargetSystem,
            ProtectedSourceConfig = secrets.Protect(spec.SourceConfig),
            ProtectedTargetConfig = secrets.Protect(spec.TargetConfig),
            BatchSize = spec.BatchSize,
            RetryPolicy = spec.RetryPolicy,
            Entities = [.. phases.Where(phase => phase != Phase.Schema)],
            DryRun = spec.DryRun,
            Status = JobStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            IdempotencyKey = spec.IdempotencyKey,
            RequestHash = spec.RequestHash,
            Phases = [.. phases.Select(phase => new JobPhase { JobId = id, Phase = phase })],
        };
    }

    /// <summary>Takes the job for <paramref name="workerId"/> until <paramref name="leaseExpiresAt"/>; a pending job starts running.</summary>
    public void Claim(string workerId, DateTimeOffset leaseExpiresAt, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        if (!IsClaimable(now))
        {
            throw new StateTransitionException($"Job {Id} is {SnakeCase.Name(Status)} and not claimable (lease held by {LeaseOwner ?? "nobody"}).");
        }

        if (Status == JobStatus.Pending)
        {
            Status = JobStatus.Running;
            StartedAt ??= now;
        }

        LeaseOwner = workerId;
        LeaseExpiresAt = leaseExpiresAt;
        HeartbeatAt = now;
        Touch(now);
    }

    /// <summary>
    /// A pending job is cancelled at once; a running one becomes cancelling until its worker stops; asking again
    /// changes nothing. A finished job cannot be cancelled.
    /// </summary>
    public void RequestCancel(DateTimeOffset now)
    {
        switch (Status)
        {
            case JobStatus.Pending:
                CancelRequested = true;
                Finish(JobStatus.Cancelled, "Cancelled before it started.", now);
                break;
            case JobStatus.Running:
                Status = JobStatus.Cancelling;
                CancelRequested = true;
                Touch(now);
                break;
            case JobStatus.Cancelling:
                break;
            default:
                throw new StateTransitionException($"The job is {SnakeCase.Name(Status)}; only pending or running jobs can be cancelled.");
        }
    }

    /// <summary>The worker read and wrote everything; <paramref name="withErrors"/> when some records failed.</summary>
    public void Complete(bool withErrors, DateTimeOffset now)
    {
        EnsureActive("completed");
        Finish(withErrors ? JobStatus.CompletedWithErrors : JobStatus.Completed, null, now);
    }

    /// <summary>The job cannot go on; <paramref name="reason"/> says which side failed and what to fix.</summary>
    public void Fail(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureActive("failed");
        Finish(JobStatus.Failed, reason, now);
    }

    /// <summary>The worker stopped on a cancellation request, leaving a consistent checkpoint.</summary>
    public void MarkCancelled(DateTimeOffset now)
    {
        EnsureActive("cancelled");
        Finish(JobStatus.Cancelled, "Cancelled on request.", now);
    }

    /// <summary>Queues a failed or partly failed job again; its worker resumes from the checkpoint.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status is not (JobStatus.Failed or JobStatus.CompletedWithErrors))
        {
            throw new StateTransitionException($"The job is {SnakeCase.Name(Status)}; only failed or completed_with_errors jobs can be retried.");
        }

        Status = JobStatus.Pending;
        StatusReason = null;
        CompletedAt = null;
        CancelRequested = false;
        ReleaseLease();
        Touch(now);
    }

    /// <summary>Zeroes the counters, for a retry that reads the source again from the start.</summary>
    internal void ResetProgress()
    {
        TotalRecords = 0;
        ProcessedRecords = 0;
        FailedRecords = 0;
        SkippedRecords = 0;
    }

    private void EnsureActive(string target)
    {
        if (Status is not (JobStatus.Running or JobStatus.Cancelling))
        {
            throw new StateTransitionException($"The job is {SnakeCase.Name(Status)}; only a running job can become {target}.");
        }
    }

    private void Finish(JobStatus status, string? reason, DateTimeOffset now)
    {
        Status = status;
        StatusReason = reason;
        CompletedAt = now;
        ReleaseLease();
        Touch(now);
    }

    private void ReleaseLease()
    {
        LeaseOwner = null;
        LeaseExpiresAt = null;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

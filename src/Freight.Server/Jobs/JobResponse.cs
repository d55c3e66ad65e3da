using Freight.Core.Domain;

namespace Freight.Server.Jobs;

public sealed record PhaseResponse(Phase Phase, PhaseStatus Status, long RecordsRead, long RecordsWritten, long RecordsFailed, long RecordsSkipped);

public sealed record JobLinks(string Self, string Batches, string Logs, string Failures, string Events, string Cancel, string Retry);

/// <summary>A job as the API shows it: never its configs, which hold credentials.</summary>
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
    JobLinks Links)
{
    public static JobResponse From(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var self = $"/api/v1/jobs/{job.Id}";
        return new JobResponse(
            job.Id,
            job.Status,
            job.StatusReason,
            job.SourceSystem,
            job.TargetSystem,
            job.BatchSize,
            job.DryRun,
            job.Entities,
            job.TotalRecords,
            job.ProcessedRecords,
            job.FailedRecords,
            job.SkippedRecords,
            [.. job.Phases.OrderBy(phase => phase.Phase).Select(phase => new PhaseResponse(
                phase.Phase, phase.Status, phase.RecordsRead, phase.RecordsWritten, phase.RecordsFailed, phase.RecordsSkipped))],
            job.CreatedAt,
            job.StartedAt,
            job.CompletedAt,
            job.UpdatedAt,
            new JobLinks(self, $"{self}/batches", $"{self}/logs", $"{self}/failures", $"{self}/events", $"{self}/cancel", $"{self}/retry"));
    }
}

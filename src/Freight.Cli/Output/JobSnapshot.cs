using Freight.Core;
using Freight.Core.Domain;

namespace Freight.Cli.Output;

/// <summary>One phase of a job as progress shows it; names as the API gives them (snake_case).</summary>
internal sealed record PhaseSnapshot(string Phase, string Status, long RecordsRead, long RecordsWritten, long RecordsFailed, long RecordsSkipped)
{
    public long Processed => RecordsWritten + RecordsFailed + RecordsSkipped;
}

/// <summary>A job at one moment, as <c>jobs watch</c> and <c>migrate</c> show it.</summary>
internal sealed record JobSnapshot(
    Guid Id,
    string Status,
    string? StatusReason,
    long TotalRecords,
    long ProcessedRecords,
    long FailedRecords,
    long SkippedRecords,
    IReadOnlyList<PhaseSnapshot> Phases)
{
    public bool IsFinished => Status is "completed" or "completed_with_errors" or "failed" or "cancelled";

    public static JobSnapshot From(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobSnapshot(
            job.Id,
            SnakeCase.Name(job.Status),
            job.StatusReason,
            job.TotalRecords,
            job.ProcessedRecords,
            job.FailedRecords,
            job.SkippedRecords,
            [.. job.Phases.OrderBy(phase => phase.Phase).Select(phase => new PhaseSnapshot(
                SnakeCase.Name(phase.Phase), SnakeCase.Name(phase.Status), phase.RecordsRead, phase.RecordsWritten, phase.RecordsFailed, phase.RecordsSkipped))]);
    }
}

using Freight.Core;
using Freight.Core.Domain;

namespace Freight.Cli.Output;

/// <summary>One phase of a job as progress shows it; names as the API gives them (snake_case).</summary>
internal sealed record PhaseView(string Phase, string Status, long RecordsRead, long RecordsWritten, long RecordsFailed, long RecordsSkipped)
{
    public long Processed => RecordsWritten + RecordsFailed + RecordsSkipped;
}

/// <summary>A job at one moment, as <c>jobs watch</c> and <c>migrate</c> show it.</summary>
internal sealed record JobView(
    Guid Id,
    string Status,
    string? StatusReason,
    long TotalRecords,
    long ProcessedRecords,
    long FailedRecords,
    long SkippedRecords,
    IReadOnlyList<PhaseView> Phases)
{
    public bool IsFinished => Status is "completed" or "completed_with_errors" or "failed" or "cancelled";

    public static JobView From(Client.JobResponse job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobView(
            job.Id,
            Names.Of(job.Status),
            job.StatusReason,
            job.TotalRecords,
            job.ProcessedRecords,
            job.FailedRecords,
            job.SkippedRecords,
            [.. job.Phases.Select(phase => new PhaseView(
                Names.Of(phase.Phase), Names.Of(phase.Status), phase.RecordsRead, phase.RecordsWritten, phase.RecordsFailed, phase.RecordsSkipped))]);
    }

    public static JobView From(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobView(
            job.Id,
            SnakeCase.Name(job.Status),
            job.StatusReason,
            job.TotalRecords,
            job.ProcessedRecords,
            job.FailedRecords,
            job.SkippedRecords,
            [.. job.Phases.OrderBy(phase => phase.Phase).Select(phase => new PhaseView(
                SnakeCase.Name(phase.Phase), SnakeCase.Name(phase.Status), phase.RecordsRead, phase.RecordsWritten, phase.RecordsFailed, phase.RecordsSkipped))]);
    }
}

using Freight.Cli.Output;
using Freight.Sandbox.Hosting;
using Spectre.Console;

namespace Freight.Cli.Migrate;

/// <summary>The table a finished migration ends with, and its exit code.</summary>
internal static class MigrationSummary
{
    public static void Print(Terminal terminal, JobSnapshot job)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(job);
        var table = new Table().Title($"job {job.Id}: {job.Status}")
            .AddColumns("phase", "status", "read", "written", "failed", "skipped");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var phase in job.Phases)
        {
            table.AddRow(phase.Phase, phase.Status, $"{phase.RecordsRead}", $"{phase.RecordsWritten}", $"{phase.RecordsFailed}", $"{phase.RecordsSkipped}");
        }

        table.AddRow("total", job.Status, $"{job.TotalRecords}", $"{job.ProcessedRecords - job.FailedRecords - job.SkippedRecords}", $"{job.FailedRecords}", $"{job.SkippedRecords}");
        terminal.Out.Write(table);
    }

    /// <summary>0 for completed (with a warning when records were rejected), 1 for failed or cancelled.</summary>
    public static int ExitCode(Terminal terminal, JobSnapshot? job)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        switch (job?.Status)
        {
            case "completed":
                return ExitCodes.Ok;
            case "completed_with_errors":
                terminal.Warn($"{job.FailedRecords} record(s) were rejected; see the failures with the job's id {job.Id}.");
                return ExitCodes.Ok;
            default:
                return new CommandError($"Job {job?.Id} ended {job?.Status ?? "unseen"}{(job?.StatusReason is { } reason ? $": {reason}" : ".")}").Print(terminal);
        }
    }
}

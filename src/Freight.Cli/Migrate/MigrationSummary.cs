using Freight.Cli.Output;
using Spectre.Console;

namespace Freight.Cli.Migrate;

/// <summary>The table a finished migration ends with, and its exit code.</summary>
internal static class MigrationSummary
{
    public static void Print(Terminal terminal, JobView job)
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
}

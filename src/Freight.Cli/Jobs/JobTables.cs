using Freight.Cli.Output;
using Freight.Client;
using Spectre.Console;

namespace Freight.Cli.Jobs;

/// <summary>Jobs, logs and a job's phases as tables.</summary>
internal static class JobTables
{
    public static Table List(IReadOnlyList<JobResponse> jobs)
    {
        var table = new Table().AddColumns("id", "status", "from", "to", "processed", "total", "failed", "created");
        foreach (var job in jobs)
        {
            table.AddRow(
                Markup.Escape($"{job.Id}"), Names.Of(job.Status), Markup.Escape(job.SourceSystem), Markup.Escape(job.TargetSystem),
                $"{job.ProcessedRecords}", $"{job.TotalRecords}", $"{job.FailedRecords}", Names.Time(job.CreatedAt));
        }

        return table;
    }

    /// <summary>The job's fields, then its phases.</summary>
    public static void Details(Terminal terminal, JobResponse job)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string? value) => grid.AddRow(new Text(name), new Text(value ?? ""));
        Row("id", $"{job.Id}");
        Row("status", Names.Of(job.Status));
        if (job.StatusReason is not null)
        {
            Row("reason", job.StatusReason);
        }

        Row("from → to", $"{job.SourceSystem} → {job.TargetSystem}");
        Row("records", $"{job.ProcessedRecords} processed of {job.TotalRecords} read; {job.FailedRecords} failed, {job.SkippedRecords} skipped");
        Row("batch size", $"{job.BatchSize}{(job.DryRun ? " (dry run)" : "")}");
        Row("created", Names.Time(job.CreatedAt));
        Row("started", Names.Time(job.StartedAt));
        Row("completed", Names.Time(job.CompletedAt));
        terminal.Out.Write(grid);
        terminal.Out.Write(Phases(JobView.From(job)));
    }

    public static Table Phases(JobView job)
    {
        var table = new Table().AddColumns("phase", "status", "read", "written", "failed", "skipped");
        foreach (var phase in job.Phases)
        {
            table.AddRow(phase.Phase, phase.Status, $"{phase.RecordsRead}", $"{phase.RecordsWritten}", $"{phase.RecordsFailed}", $"{phase.RecordsSkipped}");
        }

        return table;
    }

    public static Table Logs(IReadOnlyList<LogResponse> logs)
    {
        var table = new Table().AddColumns("time", "level", "entity", "message");
        foreach (var log in logs)
        {
            table.AddRow(Names.Time(log.CreatedAt), Names.Of(log.Level), log.Entity is { } entity ? Names.Of(entity) : "", Markup.Escape(log.Message));
        }

        return table;
    }
}

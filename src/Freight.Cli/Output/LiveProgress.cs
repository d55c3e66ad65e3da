using Spectre.Console;

namespace Freight.Cli.Output;

/// <summary>
/// Shows a job's progress while it runs: on a terminal one live bar per phase (records processed of those read so
/// far); otherwise, or with <c>--json</c>, one line per change (<c>--json</c>: the whole job as one JSON line).
/// </summary>
internal static class LiveProgress
{
    /// <summary>Shows every snapshot of <paramref name="snapshots"/>; returns the last one (null when there was none).</summary>
    public static async Task<JobView?> ShowAsync(Terminal terminal, bool json, IAsyncEnumerable<JobView> snapshots)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(snapshots);
        if (json || !terminal.IsInteractive)
        {
            return await LinesAsync(terminal, json, snapshots);
        }

        JobView? last = null;
        await terminal.Out.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                await foreach (var snapshot in snapshots)
                {
                    last = snapshot;
                    foreach (var phase in snapshot.Phases)
                    {
                        if (!bars.TryGetValue(phase.Phase, out var bar))
                        {
                            bars[phase.Phase] = bar = context.AddTask(phase.Phase, autoStart: false);
                        }

                        Update(bar, phase);
                    }
                }
            });
        return last;
    }

    /// <summary>One line of a phase: <c>companies running: 1200/1500 processed (written 1190, failed 10, skipped 0)</c>.</summary>
    public static string Describe(PhaseView phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return $"{phase.Phase} {phase.Status}: {phase.Processed}/{phase.RecordsRead} processed (written {phase.RecordsWritten}, failed {phase.RecordsFailed}, skipped {phase.RecordsSkipped})";
    }

    private static void Update(ProgressTask bar, PhaseView phase)
    {
        // Short, so the bar keeps its width on an 80-column terminal; the lines off a terminal say more.
        bar.Description = Markup.Escape($"{phase.Phase,-12} {phase.Processed}/{phase.RecordsRead}{(phase.RecordsFailed > 0 ? $" ({phase.RecordsFailed} failed)" : "")}");
        if (phase.Status != "pending" && !bar.IsStarted)
        {
            bar.StartTask();
        }

        bar.MaxValue = Math.Max(1, phase.RecordsRead);
        bar.Value = phase.Status == "completed" ? bar.MaxValue : phase.Processed;
        if (phase.Status == "completed")
        {
            bar.StopTask();
        }
    }

    private static async Task<JobView?> LinesAsync(Terminal terminal, bool json, IAsyncEnumerable<JobView> snapshots)
    {
        JobView? last = null;
        await foreach (var snapshot in snapshots)
        {
            if (json)
            {
                JsonOutput.WriteLine(terminal, snapshot);
            }
            else
            {
                foreach (var phase in snapshot.Phases.Where(phase => last?.Phases.FirstOrDefault(before => before.Phase == phase.Phase) != phase))
                {
                    await terminal.Output.WriteLineAsync(Describe(phase));
                }

                if (last?.Status != snapshot.Status)
                {
                    await terminal.Output.WriteLineAsync($"job {snapshot.Status}{(snapshot.StatusReason is null ? "" : $": {snapshot.StatusReason}")}");
                }
            }

            last = snapshot;
        }

        return last;
    }
}

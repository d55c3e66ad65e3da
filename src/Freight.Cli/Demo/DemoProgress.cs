using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Freight.Cli.Demo;

/// <summary>
/// Shows a job's progress as its events arrive: a live bar per phase on a terminal, or, when the output is
/// redirected (as in CI), a line whenever a phase starts or ends and a summary line every few seconds.
/// </summary>
internal static class DemoProgress
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Shows <paramref name="events"/> as they come, as bars when <paramref name="live"/>, each phase's bar as long as
    /// <paramref name="expected"/> says it reads; returns the last state seen, finished unless the events stopped first.
    /// </summary>
    public static Task<JobState?> FollowAsync(
        IAnsiConsole console, bool live, IReadOnlyDictionary<string, long> expected, IAsyncEnumerable<JobState> events, CancellationToken cancellationToken) =>
        live ? BarsAsync(console, expected, events, cancellationToken) : LinesAsync(console, events, cancellationToken);

    private static async Task<JobState?> BarsAsync(
        IAnsiConsole console, IReadOnlyDictionary<string, long> expected, IAsyncEnumerable<JobState> events, CancellationToken cancellationToken)
    {
        JobState? last = null;
        await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bars = new Dictionary<string, ProgressTask>();
                ProgressTask Bar(string phase) => bars.TryGetValue(phase, out var bar) ? bar
                    : bars[phase] = context.AddTask(phase, autoStart: false, maxValue: Math.Max(1, expected.GetValueOrDefault(phase, 1)));

                await foreach (var job in events.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    last = job;
                    foreach (var phase in job.Phases)
                    {
                        var bar = Bar(phase.Name);
                        if (phase.Status != "pending" && !bar.IsStarted)
                        {
                            bar.StartTask();
                        }

                        bar.MaxValue = Math.Max(bar.MaxValue, phase.Read);
                        bar.Value = phase.Name == "schema" ? (phase.Status == "completed" ? bar.MaxValue : 0) : phase.Done;
                        bar.Description = Describe(phase);
                        if (phase.Status == "completed")
                        {
                            bar.Value = bar.MaxValue;
                            bar.StopTask();
                        }
                    }
                }
            }).ConfigureAwait(false);
        return last;
    }

    private static async Task<JobState?> LinesAsync(IAnsiConsole console, IAsyncEnumerable<JobState> events, CancellationToken cancellationToken)
    {
        JobState? last = null;
        var shown = new Dictionary<string, string>();
        var sinceLine = Stopwatch.StartNew();
        await foreach (var job in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            last = job;
            foreach (var phase in job.Phases.Where(phase => phase.Status != shown.GetValueOrDefault(phase.Name, "pending")))
            {
                shown[phase.Name] = phase.Status;
                console.WriteLine(Describe(phase));
                sinceLine.Restart();
            }

            if (sinceLine.Elapsed >= PlainInterval)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"job {job.Status}: {job.Processed:N0} records processed, {job.Failed:N0} refused"));
                sinceLine.Restart();
            }
        }

        return last;
    }

    private static string Describe(PhaseState phase) => phase.Status switch
    {
        "pending" => $"{phase.Name,-12} waiting",
        _ when phase.Name == "schema" => $"{phase.Name,-12} {phase.Status}",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"{phase.Name,-12} {phase.Status}: {phase.Read:N0} read, {phase.Written:N0} written, {phase.Failed:N0} refused"),
    };
}

using System.Diagnostics;
using System.Globalization;
using Freight.Core.Domain;

namespace Freight.Migration.Benchmarks;

/// <summary>
/// Attio's budget-using requests over the run, read from <c>/_sandbox/requests</c> about once a second, with the phase
/// the job was in: where the writer ran below the limit, and in which phase.
/// </summary>
internal sealed class WriteTimeline(SandboxInspection inspection, int writesPerSecond)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private readonly List<(TimeSpan At, long Writes, long Reads, string Phase)> _samples = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>When the first record phase started (the schema phase was done), with the Attio writes by then.</summary>
    public (TimeSpan At, long Writes)? RecordsStarted { get; private set; }

    /// <summary>Takes a sample if a second has passed since the last, or at once when the job moved on from the schema phase.</summary>
    public async Task SampleAsync(Job job, CancellationToken cancellationToken)
    {
        var phase = job.Phases.FirstOrDefault(row => row.Status == PhaseStatus.Running)?.Phase;
        var schemaDone = RecordsStarted is null && phase is not null and not Phase.Schema;
        if (!schemaDone && _samples.Count > 0 && _clock.Elapsed - _samples[^1].At < Step)
        {
            return;
        }

        var counts = await inspection.AttioRequestsAsync(cancellationToken);
        _samples.Add((_clock.Elapsed, counts.Writes, counts.Reads, phase?.ToString() ?? "-"));
        if (schemaDone)
        {
            RecordsStarted = (_clock.Elapsed, counts.Writes);
        }
    }

    /// <summary>Time since the clock started (with the worker).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Seconds sampled whose write rate was under half the limit (the writer idle or starved), per phase.</summary>
    public IReadOnlyDictionary<string, double> SlowSecondsByPhase()
    {
        var slow = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 1; i < _samples.Count; i++)
        {
            var seconds = (_samples[i].At - _samples[i - 1].At).TotalSeconds;
            var rate = (_samples[i].Writes - _samples[i - 1].Writes) / seconds;
            if (rate < writesPerSecond / 2.0)
            {
                slow[_samples[i].Phase] = slow.GetValueOrDefault(_samples[i].Phase) + seconds;
            }
        }

        return slow;
    }

    /// <summary>One line per <paramref name="every"/> samples: time, writes and reads per second, phase.</summary>
    public IEnumerable<string> Lines(int every)
    {
        for (var i = every; i < _samples.Count; i += every)
        {
            var (at, writes, reads, phase) = _samples[i];
            var previous = _samples[i - every];
            var seconds = (at - previous.At).TotalSeconds;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  t={at.TotalSeconds,6:F1}s  writes {(writes - previous.Writes) / seconds,6:F1}/s  reads {(reads - previous.Reads) / seconds,6:F1}/s  {phase}");
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Freight.Http.Tests.Observability;

/// <summary>
/// Listens to the process-wide Freight.Http meter and keeps only the measurements tagged with one client name,
/// so tests running in parallel do not see each other's calls.
/// </summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();
    private readonly string _client;

    public MetricsRecorder(string client)
    {
        _client = client;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HttpMetrics.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<RecordedMeasurement> Get(string instrument) =>
        [.. _measurements.Where(measurement => measurement.Instrument == instrument)];

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, tagValue) in tags)
        {
            copy[name] = tagValue;
        }

        if (copy.GetValueOrDefault("client") as string == _client)
        {
            _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Freight.Http;

namespace Freight.Server.Metrics;

/// <summary>
/// Collects <c>Freight.Http</c>'s instruments (outbound calls, retries, circuit transitions, rate-limiter waits)
/// and this server's <see cref="ServerMetrics"/> with a <see cref="MeterListener"/>, and writes them in the
/// Prometheus text format: counters as <c>_total</c>, histograms with cumulative buckets, and each circuit
/// breaker's current state as a gauge. Series are as many as the instruments' tag combinations, which carry no
/// ids or paths, so memory stays bounded.
/// </summary>
public sealed partial class MetricsCollector : IDisposable
{
    /// <summary>Histogram bucket bounds in seconds, from a fast loopback call to a long rate-limit pause.</summary>
    public static readonly IReadOnlyList<double> Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private const string CircuitTransitions = "freight.http.client.circuit.transitions";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Family> _families = new();
    private readonly ConcurrentDictionary<(string Client, string Key), string> _circuits = new();

    public MetricsCollector(ServerMetrics server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Freight.Http's meter is one per process; the server's is this host's own (other hosts in the process have theirs).
            if (instrument.Meter.Name == HttpMetrics.Name || ReferenceEquals(instrument.Meter, server.Meter))
            {
                listener.EnableMeasurementEvents(instrument, _families.GetOrAdd(instrument, Family.For));
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) => Record(instrument, value, tags, state));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, state) => Record(instrument, value, tags, state));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, state) => Record(instrument, value, tags, state));
        _listener.Start();
    }

    /// <summary>Appends every family with at least one series, in a stable order.</summary>
    public void WriteTo(StringBuilder output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var family in _families.Values.OrderBy(family => family.Name, StringComparer.Ordinal))
        {
            family.WriteTo(output);
        }

        WriteCircuitStates(output);
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (state is not Family family)
        {
            return;
        }

        family.Record(tags, value);
        if (instrument.Name == CircuitTransitions)
        {
            _circuits[(TagValue(tags, "client"), TagValue(tags, "key"))] = TagValue(tags, "state");
        }
    }

    private static string TagValue(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return LabelValue(tag.Value);
            }
        }

        return "";
    }

    private static string LabelValue(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private void WriteCircuitStates(StringBuilder output)
    {
        if (_circuits.IsEmpty)
        {
            return;
        }

        const string name = "freight_http_client_circuit_state";
        PrometheusText.Family(output, name, "gauge", "Each circuit breaker's current state: 1 for the state it is in, 0 for the others.");
        foreach (var ((client, key), current) in _circuits.OrderBy(circuit => circuit.Key))
        {
            foreach (var state in Enum.GetNames<CircuitState>())
            {
                var labels = PrometheusText.Labels([KeyValuePair.Create("client", client), KeyValuePair.Create("key", key), KeyValuePair.Create("state", SnakeCase(state))]);
                PrometheusText.Sample(output, name, labels, state == current ? 1 : 0);
            }
        }
    }

    private static string SnakeCase(string pascal) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal);
}

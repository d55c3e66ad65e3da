using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Freight.Server.Metrics;

public sealed partial class MetricsCollector
{
    /// <summary>One instrument as a Prometheus family: a counter's sums or a histogram's buckets, per label set.</summary>
    private sealed class Family(string name, string help, bool histogram)
    {
        private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

        public string Name => name;

        public static Family For(Instrument instrument)
        {
            var histogram = instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(Histogram<>);
            return new Family(
                PrometheusText.MetricName(instrument.Name, instrument.Unit, counter: !histogram),
                instrument.Description ?? instrument.Name,
                histogram);
        }

        public void Record(string labels, double value) => _series.GetOrAdd(labels, _ => new Series()).Add(value, histogram);

        public void WriteTo(StringBuilder output)
        {
            if (_series.IsEmpty)
            {
                return;
            }

            PrometheusText.Family(output, name, histogram ? "histogram" : "counter", help);
            foreach (var (labels, series) in _series.OrderBy(series => series.Key, StringComparer.Ordinal))
            {
                series.WriteTo(output, name, labels, histogram);
            }
        }
    }

    private sealed class Series
    {
        private readonly Lock _lock = new();
        private readonly long[] _buckets = new long[Buckets.Count];
        private double _sum;
        private long _count;

        public void Add(double value, bool histogram)
        {
            lock (_lock)
            {
                _sum += value;
                _count++;
                for (var i = 0; histogram && i < _buckets.Length; i++)
                {
                    if (value <= Buckets[i])
                    {
                        _buckets[i]++;
                    }
                }
            }
        }

        public void WriteTo(StringBuilder output, string name, string labels, bool histogram)
        {
            long[] buckets;
            double sum;
            long count;
            lock (_lock)
            {
                (buckets, sum, count) = ([.. _buckets], _sum, _count);
            }

            if (!histogram)
            {
                PrometheusText.Sample(output, name, labels, sum);
                return;
            }

            for (var i = 0; i < buckets.Length; i++)
            {
                PrometheusText.Sample(output, name + "_bucket", PrometheusText.WithLabel(labels, "le", PrometheusText.Number(Buckets[i])), buckets[i]);
            }

            PrometheusText.Sample(output, name + "_bucket", PrometheusText.WithLabel(labels, "le", "+Inf"), count);
            PrometheusText.Sample(output, name + "_sum", labels, sum);
            PrometheusText.Sample(output, name + "_count", labels, count);
        }
    }
}

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

        // The series of each set of tags as measured, so a measurement renders no labels: the same labels in
        // another order are another set here but the same series.
        private readonly ConcurrentDictionary<TagSet, Series> _byTags = new();

        public string Name => name;

        public static Family For(Instrument instrument)
        {
            var histogram = instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(Histogram<>);
            return new Family(
                PrometheusText.MetricName(instrument.Name, instrument.Unit, counter: !histogram),
                instrument.Description ?? instrument.Name,
                histogram);
        }

        public void Record(ReadOnlySpan<KeyValuePair<string, object?>> tags, double value)
        {
            var set = new TagSet(tags.ToArray());
            if (!_byTags.TryGetValue(set, out var series))
            {
                series = _series.GetOrAdd(set.Labels(), _ => new Series());
                _byTags.TryAdd(set, series);
            }

            series.Add(value, histogram);
        }

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

    /// <summary>A measurement's tags, equal to another's when they hold the same names and values in the same order.</summary>
    private readonly struct TagSet(KeyValuePair<string, object?>[] tags) : IEquatable<TagSet>
    {
        private readonly KeyValuePair<string, object?>[] _tags = tags;

        public string Labels() => PrometheusText.Labels(_tags.Select(tag => KeyValuePair.Create(tag.Key, LabelValue(tag.Value))));

        public bool Equals(TagSet other)
        {
            var theirs = other._tags;
            if (_tags.Length != theirs.Length)
            {
                return false;
            }

            for (var i = 0; i < _tags.Length; i++)
            {
                if (!string.Equals(_tags[i].Key, theirs[i].Key, StringComparison.Ordinal) || !Equals(_tags[i].Value, theirs[i].Value))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is TagSet other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var tag in _tags)
            {
                hash.Add(tag.Key, StringComparer.Ordinal);
                hash.Add(tag.Value);
            }

            return hash.ToHashCode();
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

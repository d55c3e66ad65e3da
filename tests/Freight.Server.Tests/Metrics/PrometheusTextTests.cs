using Freight.Server.Metrics;

namespace Freight.Server.Tests.Metrics;

public sealed class PrometheusTextTests
{
    [Theory]
    [InlineData("freight.http.client.requests", "{request}", true, "freight_http_client_requests_total")]
    [InlineData("freight.http.client.request.duration", "s", false, "freight_http_client_request_duration_seconds")]
    [InlineData("freight.http.client.rate_limit.wait", "s", false, "freight_http_client_rate_limit_wait_seconds")]
    [InlineData("9lives-metric", null, false, "_9lives_metric")]
    public void Instrument_names_become_prometheus_names(string instrument, string? unit, bool counter, string expected) =>
        Assert.Equal(expected, PrometheusText.MetricName(instrument, unit, counter));

    [Fact]
    public void Label_values_are_escaped_and_labels_sorted_by_name()
    {
        var labels = PrometheusText.Labels([KeyValuePair.Create("route", "a\"b\\c\nd"), KeyValuePair.Create("http.method", "GET")]);

        Assert.Equal("{http_method=\"GET\",route=\"a\\\"b\\\\c\\nd\"}", labels);
        Assert.Equal("{http_method=\"GET\",route=\"a\\\"b\\\\c\\nd\",le=\"+Inf\"}", PrometheusText.WithLabel(labels, "le", "+Inf"));
        Assert.Equal("{le=\"1\"}", PrometheusText.WithLabel("", "le", "1"));
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.005, "0.005")]
    [InlineData(1e21, "1E+21")]
    public void Numbers_are_written_as_prometheus_reads_them(double value, string expected) =>
        Assert.Equal(expected, PrometheusText.Number(value));
}

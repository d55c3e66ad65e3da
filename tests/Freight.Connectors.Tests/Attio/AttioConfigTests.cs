using System.Text.Json;
using Freight.Connectors.Attio;
using Freight.TestUtils;
using Microsoft.Extensions.Logging.Abstractions;

namespace Freight.Connectors.Tests.Attio;

public sealed class AttioConfigTests
{
    private static readonly ConnectorContext Context = new(new ManualTimeProvider(), NullLoggerFactory.Instance, OutboundPolicy.OfficialOnly);

    [Fact]
    public void The_descriptor_names_the_attio_target_and_its_secret_key()
    {
        var registry = new ConnectorRegistry([AttioTarget.Descriptor]);

        var descriptor = registry.Find("attio", ConnectorRole.Target);

        Assert.NotNull(descriptor);
        Assert.Equal(["api_key", "base_url", "writes_per_second", "reads_per_second", "max_parallel_writes"], descriptor.ConfigFields.Select(f => f.Name));
        Assert.Equal([true, false, false, false, false], descriptor.ConfigFields.Select(f => f.Secret));
        Assert.Equal("25 writes/s, 100 reads/s", descriptor.DefaultRateLimit);
        Assert.Null(registry.Find("attio", ConnectorRole.Source));
    }

    [Fact]
    public async Task A_key_alone_uses_the_official_host_and_Attio_s_limits()
    {
        await using var target = new ConnectorRegistry([AttioTarget.Descriptor])
            .CreateTarget("attio", Json("""{"api_key":"secret"}"""), Context);

        var config = Assert.IsType<AttioTarget>(target).Config;

        Assert.Equal(new AttioConfig("secret", new Uri("https://api.attio.com/"), 25, 100, 10), config);
        Assert.Equal(10, target.MaxParallelWrites);
    }

    [Fact]
    public void Overrides_are_read_and_an_allowlisted_base_url_is_kept()
    {
        var config = AttioConfig.Parse(
            Json("""{"api_key":"k","base_url":"http://127.0.0.1:5102","writes_per_second":250,"reads_per_second":1000,"max_parallel_writes":32}"""),
            new OutboundPolicy(["127.0.0.1"]));

        Assert.Equal(new AttioConfig("k", new Uri("http://127.0.0.1:5102/"), 250, 1000, 32), config);
    }

    [Fact]
    public void Every_problem_of_a_config_is_named()
    {
        var error = Assert.Throws<ConnectorConfigException>(() => AttioConfig.Parse(
            Json("""{"base_url":"http://10.0.0.5","writes_per_second":0,"max_parallel_writes":"many"}"""), OutboundPolicy.OfficialOnly));

        Assert.Equal(["api_key", "base_url", "writes_per_second", "max_parallel_writes"], error.Problems.Select(p => p.Field));
        Assert.Equal("base_url host '10.0.0.5' is neither api.attio.com nor on the operator's outbound allowlist.", error.Problems[1].Message);
    }

    [Theory]
    [InlineData("""[]""", "config")]
    [InlineData("""{"api_key":""}""", "api_key")]
    [InlineData("""{"api_key":"k","base_url":"http://api.attio.com"}""", "base_url")]
    [InlineData("""{"api_key":"k","base_url":42}""", "base_url")]
    [InlineData("""{"api_key":"k","reads_per_second":1.5}""", "reads_per_second")]
    public void A_config_it_cannot_use_is_refused(string json, string field)
    {
        var error = Assert.Throws<ConnectorConfigException>(() => AttioConfig.Parse(Json(json), OutboundPolicy.OfficialOnly));

        Assert.Equal([field], error.Problems.Select(p => p.Field));
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}

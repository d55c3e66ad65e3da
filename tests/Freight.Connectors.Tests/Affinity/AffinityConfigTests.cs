using System.Text.Json;
using Freight.Connectors.Affinity;
using Freight.TestUtils;

namespace Freight.Connectors.Tests.Affinity;

public sealed class AffinityConfigTests
{
    [Fact]
    public void A_config_without_api_key_names_the_field()
    {
        var error = Assert.Throws<ConnectorConfigException>(() => Create(new { base_url = "https://api.affinity.co" }));

        Assert.Equal([new ConfigProblem("api_key", "is required: an Affinity API key.")], error.Problems);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5101", "base_url host '127.0.0.1' is neither api.affinity.co nor on the operator's outbound allowlist.")]
    [InlineData("http://api.affinity.co", "base_url must be https://api.affinity.co.")]
    [InlineData("https://169.254.169.254/latest", "base_url host '169.254.169.254' is neither api.affinity.co nor on the operator's outbound allowlist.")]
    public void A_base_url_the_outbound_policy_refuses_names_base_url(string baseUrl, string message)
    {
        var error = Assert.Throws<ConnectorConfigException>(
            () => Create(new { api_key = "k", base_url = baseUrl }, OutboundPolicy.OfficialOnly));

        Assert.Equal([new ConfigProblem("base_url", message)], error.Problems);
    }

    [Fact]
    public void Every_unusable_field_is_named_at_once()
    {
        var error = Assert.Throws<ConnectorConfigException>(
            () => Create(new { api_key = "", requests_per_minute = 0, base_url = 5, colour = "blue" }));

        Assert.Equal(["requests_per_minute", "base_url", "colour", "api_key"], error.Problems.Select(p => p.Field));
    }

    [Fact]
    public void A_config_that_is_not_an_object_is_refused()
    {
        var error = Assert.Throws<ConnectorConfigException>(() => Create("api_key"));

        Assert.Equal("config", error.Problems.Single().Field);
    }

    [Theory]
    [InlineData("https://api.affinity.co")]
    [InlineData("http://127.0.0.1:5101")]
    public async Task The_official_host_and_an_allowlisted_loopback_address_are_accepted(string baseUrl)
    {
        await using var source = Create(new { api_key = "k", base_url = baseUrl, requests_per_minute = 300 });

        Assert.NotNull(source);
    }

    [Fact]
    public void The_descriptor_names_the_source_its_fields_and_default_rate_limit()
    {
        var descriptor = AffinitySource.Descriptor;

        Assert.Equal("affinity", descriptor.Name);
        Assert.Equal(ConnectorRole.Source, descriptor.Role);
        Assert.Equal(["api_key", "base_url", "requests_per_minute"], descriptor.ConfigFields.Select(f => f.Name));
        Assert.Equal([true, false, false], descriptor.ConfigFields.Select(f => f.Secret));
        Assert.Equal([true, false, false], descriptor.ConfigFields.Select(f => f.Required));
        Assert.StartsWith("900 requests per minute", descriptor.DefaultRateLimit);
        Assert.NotNull(descriptor.CreateSource);
        Assert.Null(descriptor.CreateTarget);
    }

    private static AffinitySource Create(object config, OutboundPolicy? outbound = null) =>
        AffinitySource.Create(JsonSerializer.SerializeToElement(config), AffinityHarness.Context(new ManualTimeProvider(), outbound));
}

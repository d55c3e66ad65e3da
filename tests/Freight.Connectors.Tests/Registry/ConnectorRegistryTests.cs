using System.Text.Json;
using Freight.Connectors.Affinity;
using Freight.TestUtils;
using Microsoft.Extensions.Logging.Abstractions;

namespace Freight.Connectors.Tests.Registry;

public sealed class ConnectorRegistryTests
{
    private static readonly ConnectorContext Context = new(new ManualTimeProvider(), NullLoggerFactory.Instance, OutboundPolicy.OfficialOnly);

    [Fact]
    public void A_source_is_found_by_name_in_any_case_and_only_in_its_role()
    {
        var registry = new ConnectorRegistry([AffinitySource.Descriptor]);

        Assert.Same(AffinitySource.Descriptor, registry.Find("Affinity", ConnectorRole.Source));
        Assert.Null(registry.Find("affinity", ConnectorRole.Target));
        Assert.Null(registry.Find("hubspot", ConnectorRole.Source));
    }

    [Fact]
    public async Task CreateSource_builds_the_named_source_from_its_config()
    {
        var registry = new ConnectorRegistry([AffinitySource.Descriptor]);
        var config = JsonSerializer.SerializeToElement(new { api_key = "k" });

        await using var source = registry.CreateSource("affinity", config, Context);

        Assert.IsType<AffinitySource>(source);
    }

    [Fact]
    public void An_unknown_name_lists_the_known_connectors()
    {
        var registry = new ConnectorRegistry([AffinitySource.Descriptor, Target("attio")]);
        var config = JsonSerializer.SerializeToElement(new { });

        var source = Assert.Throws<KeyNotFoundException>(() => registry.CreateSource("hubspot", config, Context));
        var target = Assert.Throws<KeyNotFoundException>(() => registry.CreateTarget("affinity", config, Context));

        Assert.Equal("No source connector is named 'hubspot'; known: affinity, attio.", source.Message);
        Assert.Equal("No target connector is named 'affinity'; known: affinity, attio.", target.Message);
    }

    [Fact]
    public void A_system_may_be_both_a_source_and_a_target_under_one_name()
    {
        var source = AffinitySource.Descriptor with { Name = "attio" };
        var target = Target("attio");

        var registry = new ConnectorRegistry([source, target]);

        Assert.Same(source, registry.Find("attio", ConnectorRole.Source));
        Assert.Same(target, registry.Find("ATTIO", ConnectorRole.Target));
        Assert.Equal(2, registry.All.Count);
    }

    [Fact]
    public void Two_connectors_of_one_role_and_name_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new ConnectorRegistry([AffinitySource.Descriptor, AffinitySource.Descriptor with { Name = "AFFINITY" }]));

        Assert.Equal("Two source connectors are named 'AFFINITY'. (Parameter 'descriptors')", error.Message);
    }

    private static ConnectorDescriptor Target(string name) => new(
        name, ConnectorRole.Target, "A target for tests.", [], "none",
        CreateTarget: (_, _) => throw new InvalidOperationException("not built in these tests"));
}

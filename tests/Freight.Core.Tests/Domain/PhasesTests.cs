using Freight.Core.Domain;

namespace Freight.Core.Tests.Domain;

public sealed class PhasesTests
{
    [Fact]
    public void Phases_run_in_dependency_order()
    {
        Assert.Equal([Phase.Schema, Phase.Companies, Phase.People, Phase.Deals, Phase.Notes, Phase.ListEntries], Phases.InOrder);
        Assert.Equal([Phase.Companies, Phase.People, Phase.Deals, Phase.Notes, Phase.ListEntries], Phases.Entities);
    }

    [Fact]
    public void A_selection_runs_schema_first_then_the_selected_entities_in_order()
    {
        Assert.Equal([Phase.Schema, Phase.People, Phase.ListEntries], Phases.ForSelection([Phase.ListEntries, Phase.People, Phase.People]));
        Assert.Equal(Phases.InOrder, Phases.ForSelection([]));
    }

    [Fact]
    public void Revoking_an_api_key_twice_keeps_the_first_time()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var key = ApiKey.Create(Guid.NewGuid(), "abcd1234", [1], "ci", now);

        key.Revoke(now.AddHours(1));
        key.Revoke(now.AddHours(2));

        Assert.Equal(now.AddHours(1), key.RevokedAt);
        Assert.True(key.IsRevoked);
        Assert.Throws<ArgumentException>(() => ApiKey.Create(Guid.NewGuid(), "short", [1], "ci", now));
    }
}

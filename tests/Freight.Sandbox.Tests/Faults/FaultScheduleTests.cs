using Freight.Sandbox.Faults;
using Freight.Sandbox.Hosting;

namespace Freight.Sandbox.Tests.Faults;

public sealed class FaultScheduleTests
{
    private static readonly SandboxRoute Companies = new("GET", "/v2/companies");
    private static readonly SandboxRoute Persons = new("GET", "/v2/persons");

    private static readonly FaultProfile Mixed = new()
    {
        ServerErrors = 0.04,
        RateLimits = 0.03,
        DroppedConnections = 0.02,
        TruncatedBodies = 0.01,
        SlowBodies = 0.05,
    };

    private static FaultSettings Settings(int seed, FaultProfile profile) =>
        FaultSettings.TryCreate(seed, profile, null, out _) ?? throw new InvalidOperationException("invalid profile");

    private static List<(FaultKind? Kind, int Status)> Sequence(FaultSettings settings, SandboxRoute route, int count) =>
        [.. Enumerable.Range(0, count).Select(k => settings.Decide(route, k)).Select(d => (d.Kind, d.StatusCode))];

    [Fact]
    public void Same_seed_gives_the_same_faults_in_the_same_order_on_a_route()
    {
        var first = Sequence(Settings(42, Mixed), Companies, 1000);
        var second = Sequence(Settings(42, Mixed), Companies, 1000);

        Assert.Equal(first, second);
        Assert.Equal(150, first.Count(step => step.Kind is not null));
    }

    [Fact]
    public void Another_seed_or_another_route_gives_another_order()
    {
        var companies = Sequence(Settings(42, Mixed), Companies, 1000);

        Assert.NotEqual(companies, Sequence(Settings(43, Mixed), Companies, 1000));
        Assert.NotEqual(companies, Sequence(Settings(42, Mixed), Persons, 1000));
    }

    [Fact]
    public void Every_block_of_100_requests_holds_each_share_exactly()
    {
        var settings = Settings(7, Mixed);

        for (var block = 0; block < 20; block++)
        {
            var kinds = Enumerable.Range(block * 100, 100).Select(k => settings.Decide(Companies, k)).ToList();
            int Count(FaultKind kind) => kinds.Count(d => d.Kind == kind);

            Assert.Equal(4, Count(FaultKind.ServerError));
            Assert.Equal(2, kinds.Count(d => d.StatusCode == 500));
            Assert.Equal(2, kinds.Count(d => d.StatusCode == 503));
            Assert.Equal(3, Count(FaultKind.RateLimit));
            Assert.Equal(1, Count(FaultKind.DroppedBeforeProcessing));
            Assert.Equal(1, Count(FaultKind.DroppedAfterProcessing));
            Assert.Equal(1, Count(FaultKind.TruncatedBody));
            Assert.Equal(5, Count(FaultKind.SlowBody));
            Assert.Equal(85, kinds.Count(d => d.Kind is null));
        }
    }

    [Fact]
    public void A_single_dropped_slot_alternates_before_and_after_processing_block_by_block()
    {
        var settings = Settings(3, new FaultProfile { DroppedConnections = 0.01 });

        var drops = Enumerable.Range(0, 400).Select(k => settings.Decide(Companies, k).Kind).OfType<FaultKind>().ToList();

        Assert.Equal(
            [FaultKind.DroppedBeforeProcessing, FaultKind.DroppedAfterProcessing, FaultKind.DroppedBeforeProcessing, FaultKind.DroppedAfterProcessing],
            drops);
    }

    [Fact]
    public void Jitter_takes_every_1_percent_step_once_per_block_on_top_of_the_latency()
    {
        var settings = Settings(5, new FaultProfile { Latency = TimeSpan.FromMilliseconds(50), LatencyJitter = TimeSpan.FromSeconds(1) });

        var delays = Enumerable.Range(100, 100).Select(k => settings.Decide(Companies, k).Delay).Order().ToList();

        Assert.Equal(Enumerable.Range(0, 100).Select(step => TimeSpan.FromMilliseconds(50 + (10 * step))), delays);
    }

    [Theory]
    [InlineData(0.10, 4, 3, 2, 1)]
    [InlineData(0.05, 2, 2, 1, 0)]
    [InlineData(0.01, 1, 0, 0, 0)]
    [InlineData(0.0, 0, 0, 0, 0)]
    public void Transient_rate_is_split_40_30_20_10_in_whole_percents(double rate, int server, int limited, int dropped, int truncated)
    {
        var profile = FaultProfile.Transient(rate);

        Assert.Equal(
            [server / 100.0, limited / 100.0, dropped / 100.0, truncated / 100.0, 0],
            [profile.ServerErrors, profile.RateLimits, profile.DroppedConnections, profile.TruncatedBodies, profile.SlowBodies]);
    }

    [Theory]
    [InlineData(0.055)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Transient_rate_must_be_a_whole_percent_between_0_and_1(double rate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FaultProfile.Transient(rate));

        Assert.StartsWith("The rate must be a whole percent between 0 and 1, e.g. 0.05.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_with_a_share_that_is_not_a_whole_percent_are_refused()
    {
        var options = new FaultOptions();
        options.Routes["get /v2/companies"] = new FaultProfile { RateLimits = 0.025 };

        var error = Assert.Throws<ArgumentException>(options.ToSettings);

        Assert.StartsWith(
            "Invalid fault options: routes[\"get /v2/companies\"].rate_limits must be a whole percent between 0 and 1 (e.g. 0.05), not 0.025.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Options_whose_shares_add_up_past_1_are_refused()
    {
        var options = new FaultOptions { Default = new FaultProfile { ServerErrors = 0.6, TruncatedBodies = 0.5 } };

        var error = Assert.Throws<ArgumentException>(options.ToSettings);

        Assert.StartsWith("Invalid fault options: default: the shares add up to 1.1, more than 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_keys_are_read_into_method_and_bare_template()
    {
        var options = new FaultOptions();
        options.Routes["get /v2/companies/{companyId:long}"] = new FaultProfile { ServerErrors = 0.5 };

        var settings = options.ToSettings();

        Assert.Equal("GET /v2/companies/{companyId}", Assert.Single(settings.Routes).Key);
        Assert.Equal(50, Enumerable.Range(0, 100).Count(k => settings.Decide(new SandboxRoute("GET", "/v2/companies/{companyId}"), k).Kind is not null));
        Assert.Equal(0, Enumerable.Range(0, 100).Count(k => settings.Decide(Companies, k).Kind is not null));
    }
}

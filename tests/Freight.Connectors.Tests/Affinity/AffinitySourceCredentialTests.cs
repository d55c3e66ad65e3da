using Freight.Connectors.Affinity;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Dataset;

namespace Freight.Connectors.Tests.Affinity;

public sealed class AffinitySourceCredentialTests
{
    [Fact]
    public async Task The_simulators_key_is_valid()
    {
        await using var harness = await AffinityHarness.StartAsync(companies: 10);

        var check = await harness.Run(harness.Source().VerifyCredentialsAsync(CancellationToken.None));

        Assert.Equal(CredentialCheck.Ok, check);
    }

    [Fact]
    public async Task A_bad_key_fails_the_check_with_Affinitys_reason()
    {
        await using var harness = await AffinityHarness.StartAsync(companies: 10);

        var check = await harness.Run(harness.Source("not-the-key").VerifyCredentialsAsync(CancellationToken.None));

        Assert.False(check.Valid);
        Assert.StartsWith("Affinity refused the API key: ", check.Problem);
        Assert.True(check.Problem!.Length > "Affinity refused the API key: ".Length);
    }

    [Theory]
    [InlineData(EntityKind.Companies)]
    [InlineData(EntityKind.Deals)]
    [InlineData(EntityKind.Notes)]
    public async Task A_bad_key_stops_the_job_on_read_and_says_to_fix_the_key(EntityKind kind)
    {
        await using var harness = await AffinityHarness.StartAsync(companies: 10);

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Run(harness.Source("not-the-key").ReadPageAsync(kind, null, CancellationToken.None)));

        Assert.True(error.StopsJob);
        Assert.Contains("fix the Affinity API key", error.Message);
    }

    [Fact]
    public async Task An_unreachable_Affinity_is_a_connector_failure_that_does_not_stop_the_job()
    {
        var harness = await AffinityHarness.StartAsync(companies: 10);
        var source = harness.Source();
        await harness.Simulator.DisposeAsync();

        var verify = await Assert.ThrowsAsync<ConnectorException>(() => harness.Run(source.VerifyCredentialsAsync(CancellationToken.None)));
        var read = await Assert.ThrowsAsync<ConnectorException>(() => harness.Run(source.ReadPageAsync(EntityKind.People, null, CancellationToken.None)));

        Assert.False(verify.StopsJob);
        Assert.False(read.StopsJob);
        Assert.StartsWith("Reading persons from Affinity failed after 6 attempt(s)", read.Message);
        await source.DisposeAsync();
    }

    [Fact]
    public async Task Server_errors_left_after_retries_do_not_stop_the_job()
    {
        var time = new Freight.TestUtils.ManualTimeProvider();
        var options = new AffinitySimulatorOptions { TimeProvider = time, Faults = new() { Seed = 1 } };
        options.Faults.Routes["GET /v2/companies"] = new() { ServerErrors = 1.0 };
        await using var affinity = await AffinitySimulator.StartAsync(SandboxDataset.Generate(1, 10), options);
        var config = System.Text.Json.JsonSerializer.SerializeToElement(new { api_key = affinity.ApiKey, base_url = affinity.BaseAddress.ToString() });
        await using var source = AffinitySource.Create(config, AffinityHarness.Context(time), o =>
        {
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = Timeout.InfiniteTimeSpan;
            o.CircuitBreaker.Enabled = false;
            o.RateLimitRegistry = new Freight.Http.RateLimitRegistry();
        });

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => time.RunAsync(source.ReadPageAsync(EntityKind.Companies, null, CancellationToken.None), TimeSpan.FromSeconds(30)));

        Assert.False(error.StopsJob);
        Assert.StartsWith("Reading companies from Affinity failed after 6 attempt(s)", error.Message);
    }
}

using System.Net;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Faults;
using Freight.TestUtils;

namespace Freight.Sandbox.Tests.Attio;

public sealed class HostingTests
{
    [Fact]
    public async Task Injected_rate_limits_answer_in_Attio_shape_and_leave_the_workspace_untouched()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        var faults = new FaultOptions();
        faults.Routes["POST /v2/objects/{object}/records"] = new FaultProfile { RateLimits = 1.0 };
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { Faults = faults, TimeProvider = time });

        var refused = await harness.PostAsync("v2/objects/companies/records", """{"data":{"values":{"name":"Acme"}}}""");
        var query = await harness.PostAsync("v2/objects/companies/records/query", "{}");

        refused.AssertError(429, "rate_limit_exceeded", "rate_limit_error");
        Assert.Equal(time.GetUtcNow().AddSeconds(1), refused.Headers.RetryAfter?.Date);
        Assert.Equal(0, query.Data.GetArrayLength());
    }

    [Fact]
    public async Task The_simulator_listens_on_loopback_only()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => AttioSimulator.StartAsync(new AttioSimulatorOptions { Address = IPAddress.Any }));
        await using var harness = await AttioHarness.StartAsync();

        Assert.Equal("127.0.0.1", harness.Simulator.BaseAddress.Host);
    }

    [Fact]
    public async Task The_host_logs_Attio_requests_by_route_and_resets_the_workspace()
    {
        await using var harness = await AttioHarness.StartAsync();
        await harness.CreateAsync("companies", """{"name":"Acme"}""");
        await harness.GetAsync("v2/objects");

        var requests = await harness.GetAsync("_sandbox/requests");
        var reset = await harness.PostAsync("_sandbox/reset", "");
        var counts = await harness.GetAsync("_sandbox/counts");

        Assert.Contains("POST /v2/objects/{object}/records", requests.Text, StringComparison.Ordinal);
        Assert.Equal(200, reset.Status);
        Assert.Equal(0, counts.Body.GetProperty("records").GetProperty("companies").GetInt32());
    }
}

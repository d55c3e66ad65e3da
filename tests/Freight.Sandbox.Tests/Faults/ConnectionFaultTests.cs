using System.Net;
using Freight.Sandbox.Faults;
using Freight.Sandbox.Tests.Hosting;
using Freight.TestUtils;

namespace Freight.Sandbox.Tests.Faults;

public sealed class ConnectionFaultTests
{
    private static FaultOptions Everywhere(FaultProfile profile) => new() { Seed = 5, Default = profile };

    [Fact]
    public async Task Dropped_connection_happens_once_before_and_once_after_the_write_in_each_100_requests()
    {
        await using var host = await CounterHost.StartAsync(Everywhere(new FaultProfile { DroppedConnections = 0.02 }));
        var outcomes = new List<(bool Answered, bool Written)>();

        for (var i = 0; i < 100; i++)
        {
            var before = host.Writes;
            var answered = await Record.ExceptionAsync(() => host.Client.PostAsync("writes", null)) is null;
            outcomes.Add((answered, host.Writes == before + 1));
        }

        Assert.Equal(98, outcomes.Count(o => o is { Answered: true, Written: true }));
        Assert.Equal(1, outcomes.Count(o => o is { Answered: false, Written: false }));
        Assert.Equal(1, outcomes.Count(o => o is { Answered: false, Written: true }));
        Assert.Equal(99, host.Writes);
        var counts = Assert.Single(host.Host.Faults().CountsByRoute());
        Assert.Equal("POST /writes", counts.Key);
        Assert.Equal([0, 0, 1, 1, 0, 0], counts.Value);
    }

    [Fact]
    public async Task Latency_holds_the_answer_until_the_clock_has_moved_by_it()
    {
        var time = new ManualTimeProvider();
        await using var host = await CounterHost.StartAsync(Everywhere(new FaultProfile { Latency = TimeSpan.FromSeconds(2) }), time: time);

        var pending = host.Client.GetAsync("items/3");
        await time.WaitForPendingTimerAsync(due => due == TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(1.5));

        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.5));
        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CounterHost.ItemBody(3), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Slow_body_sends_its_headers_then_one_chunk_per_delay()
    {
        var time = new ManualTimeProvider();
        var profile = new FaultProfile { SlowBodies = 1, SlowBodyChunkBytes = 16, SlowBodyChunkDelay = TimeSpan.FromSeconds(1) };
        await using var host = await CounterHost.StartAsync(Everywhere(profile), time: time);
        var expected = CounterHost.ItemBody(12);

        using var response = await host.Client.GetAsync("items/12", HttpCompletionOption.ResponseHeadersRead);
        var body = response.Content.ReadAsStringAsync();
        await time.WaitForPendingTimerAsync(due => due == TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Length, response.Content.Headers.ContentLength);
        Assert.False(body.IsCompleted);
        Assert.Equal(expected, await time.RunAsync(body));
        Assert.Equal((expected.Length + 15) / 16, time.ScheduledDueTimes.Count(due => due == TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Inspection_endpoints_are_never_faulted_delayed_or_authenticated()
    {
        var time = new ManualTimeProvider();
        await using var host = await CounterHost.StartAsync(
            Everywhere(new FaultProfile { ServerErrors = 0.5, DroppedConnections = 0.5, Latency = TimeSpan.FromMinutes(1) }), time: time);

        for (var i = 0; i < 20; i++)
        {
            using var response = await host.Client.GetAsync("_sandbox/faults");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, time.PendingTimerCount);
        Assert.Empty(host.Host.Faults().CountsByRoute());
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Freight.TestUtils;

namespace Freight.Http.Tests.RateLimiting;

public sealed class RateLimitWaitMetricTests
{
    [Fact]
    public async Task Time_spent_waiting_for_a_token_is_recorded_in_the_wait_histogram()
    {
        await using var server = await ScriptedServer.StartAsync();
        var time = new ManualTimeProvider();
        using var registry = new RateLimitRegistry();
        var name = TestClients.UniqueName("wait-metric");
        var key = TestClients.UniqueName("wait-key");
        var options = TestClients.Options(server, time, breaker: false, registry: registry);
        options.RateLimit.PermitLimit = 4;
        options.RateLimit.Burst = 1;
        options.RateLimit.Key = key;
        using var client = ApiClient.Create(options, name: name);
        var waits = new ConcurrentQueue<(double Seconds, string? Key)>();
        using var listener = ListenForWaits(name, waits);

        var calls = Enumerable.Range(0, 3).Select(_ => client.SendAsync(ApiRequest.Get("items"))).ToArray();
        time.Advance(TimeSpan.FromMilliseconds(250));
        await TestClients.Settled(calls[1]);
        time.Advance(TimeSpan.FromMilliseconds(250));
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));

        // The first call did not wait, so it records nothing; the others waited one and two token intervals.
        Assert.Equal([0.25, 0.5], waits.Select(w => w.Seconds).Order());
        Assert.All(waits, w => Assert.Equal(key, w.Key));
    }

    [Fact]
    public async Task Calls_that_never_wait_record_no_wait_even_on_the_real_clock()
    {
        await using var server = await ScriptedServer.StartAsync();
        var name = TestClients.UniqueName("no-wait");
        var options = TestClients.Options(server, TimeProvider.System, breaker: false);
        options.RateLimit.PermitLimit = 1000;
        using var client = ApiClient.Create(options, name: name);
        var waits = new ConcurrentQueue<(double Seconds, string? Key)>();
        using var listener = ListenForWaits(name, waits);

        for (var i = 0; i < 3; i++)
        {
            (await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")))).EnsureSuccess();
        }

        Assert.Empty(waits);
    }

    private static MeterListener ListenForWaits(string clientName, ConcurrentQueue<(double, string?)> waits)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == HttpMetrics.Name && instrument.Name == "freight.http.client.rate_limit.wait")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            string? client = null, key = null;
            foreach (var tag in tags)
            {
                client = tag.Key == "client" ? tag.Value as string : client;
                key = tag.Key == "key" ? tag.Value as string : key;
            }

            if (client == clientName)
            {
                waits.Enqueue((value, key));
            }
        });
        listener.Start();
        return listener;
    }
}

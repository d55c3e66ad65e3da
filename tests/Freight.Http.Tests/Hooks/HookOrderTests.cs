using System.Collections.Concurrent;
using Freight.TestUtils;

namespace Freight.Http.Tests.Hooks;

public sealed class HookOrderTests
{
    [Fact]
    public async Task Before_runs_in_order_and_After_in_reverse()
    {
        await using var server = await ScriptedServer.StartAsync();
        var log = new ConcurrentQueue<string>();
        var options = TestClients.Options(server, breaker: false);
        options.Hooks.Add(new RecordingHook("1", log));
        options.Hooks.Add(new RecordingHook("2", log));
        options.Hooks.Add(new RecordingHook("3", log));
        using var client = ApiClient.Create(options);

        var result = await client.SendAsync(ApiRequest.Get("items")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.IsSuccess);
        Assert.Equal(["B1", "B2", "B3", "A3:200", "A2:200", "A1:200"], log);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Hooks_run_around_every_attempt_of_a_retried_call()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        var time = new ManualTimeProvider();
        var log = new ConcurrentQueue<string>();
        var options = TestClients.Options(server, time, maxAttempts: 2, breaker: false);
        options.Hooks.Add(new RecordingHook("1", log));
        options.Hooks.Add(new RecordingHook("2", log));
        using var client = ApiClient.Create(options);

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("items")));

        Assert.True(result.IsSuccess);
        Assert.Equal(["B1", "B2", "A2:503", "A1:503", "B1", "B2", "A2:200", "A1:200"], log);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Hooks_run_before_auth_is_applied()
    {
        await using var server = await ScriptedServer.StartAsync();
        var seenByHook = new ConcurrentQueue<string?>();
        var options = TestClients.Options(server, breaker: false);
        options.Auth = ApiAuth.Bearer("secret");
        options.Hooks.Add(new DelegateHook(request => seenByHook.Enqueue(request.Headers.Authorization?.ToString())));
        using var client = ApiClient.Create(options);

        await client.SendAsync(ApiRequest.Get("items")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([null], seenByHook);
        Assert.Equal("Bearer secret", server.Requests.Single().Headers["Authorization"]);
    }
}

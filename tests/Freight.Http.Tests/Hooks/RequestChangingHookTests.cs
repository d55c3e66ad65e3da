using Freight.TestUtils;

namespace Freight.Http.Tests.Hooks;

public sealed class RequestChangingHookTests
{
    [Fact]
    public async Task HeadersHook_adds_its_headers_to_every_attempt()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(502), ScriptedResponse.Json("{}"));
        var time = new ManualTimeProvider();
        var options = TestClients.Options(server, time, maxAttempts: 2, breaker: false);
        options.Hooks.Add(new HeadersHook([new("User-Agent", "freight-tests/1.0"), new("X-Api-Version", "2024-06-01")]));
        using var client = ApiClient.Create(options);

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("items")));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, server.RequestCount);
        Assert.All(server.Requests, request =>
        {
            Assert.Equal("freight-tests/1.0", request.Headers["User-Agent"]);
            Assert.Equal("2024-06-01", request.Headers["X-Api-Version"]);
        });
    }

    [Fact]
    public async Task A_hook_can_add_a_query_parameter_and_a_header()
    {
        await using var server = await ScriptedServer.StartAsync();
        var options = TestClients.Options(server, breaker: false);
        options.Hooks.Add(new DelegateHook(request =>
        {
            var uri = request.RequestUri!;
            request.RequestUri = new Uri(uri + (string.IsNullOrEmpty(uri.Query) ? "?" : "&") + "tenant=acme");
            request.Headers.Add("X-Request-Source", "hook");
        }));
        using var client = ApiClient.Create(options);

        var result = await client.SendAsync(ApiRequest.Get("items").WithQuery("page", 2)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(result.IsSuccess);
        var seen = server.Requests.Single();
        Assert.Equal("/items", seen.Path);
        Assert.Equal("?page=2&tenant=acme", seen.QueryString);
        Assert.Equal("hook", seen.Headers["X-Request-Source"]);
    }

    [Fact]
    public async Task A_later_hook_sees_what_an_earlier_hook_changed()
    {
        await using var server = await ScriptedServer.StartAsync();
        string? seenByLater = null;
        var options = TestClients.Options(server, breaker: false);
        options.Hooks.Add(new HeadersHook([new("X-Trace", "abc")]));
        options.Hooks.Add(new DelegateHook(request => seenByLater = string.Join(",", request.Headers.GetValues("X-Trace"))));
        using var client = ApiClient.Create(options);

        await client.SendAsync(ApiRequest.Get("items")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("abc", seenByLater);
        Assert.Equal("abc", server.Requests.Single().Headers["X-Trace"]);
    }
}

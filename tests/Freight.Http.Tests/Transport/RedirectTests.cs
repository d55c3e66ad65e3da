using System.Net;
using Freight.Http.Tests.Pagination;
using Freight.TestUtils;

namespace Freight.Http.Tests.Transport;

public sealed class RedirectTests
{
    [Fact]
    public async Task A_redirect_is_not_followed_by_default_and_is_a_non_success_result()
    {
        await using var elsewhere = await ScriptedServer.StartAsync(address: IPAddress.IPv6Loopback);
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(302).WithHeader("Location", new Uri(elsewhere.BaseAddress, "v2/self").ToString()));
        var options = TestClients.Options(server, maxAttempts: 4);
        Assert.False(options.Transport.FollowRedirects);
        using var client = ApiClient.Create(options);

        var result = await TestClients.Settled(client.SendAsync(ApiRequest.Get("v2/self")));

        Assert.Equal(ApiErrorKind.Http, result.Error?.Kind);
        Assert.Equal(HttpStatusCode.Found, result.Error?.StatusCode);
        Assert.Equal(new Uri(elsewhere.BaseAddress, "v2/self"), result.Error?.Headers?.Location);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, elsewhere.RequestCount);
    }

    [Fact]
    public async Task A_redirect_is_followed_when_asked()
    {
        await using var elsewhere = await ScriptedServer.StartAsync(address: IPAddress.IPv6Loopback);
        elsewhere.Enqueue(ScriptedResponse.Json("""{"id":7}"""));
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(302).WithHeader("Location", new Uri(elsewhere.BaseAddress, "items/7").ToString()));
        var options = TestClients.Options(server);
        options.Transport.FollowRedirects = true;
        using var client = ApiClient.Create(options);

        var result = await TestClients.Settled(client.GetAsync<Item>("items/1"));

        Assert.Equal(7, result.Value.Id);
        Assert.Equal("/items/7", Assert.Single(elsewhere.Requests).Path);
    }

    [Fact]
    public async Task A_followed_redirect_to_an_address_the_connect_policy_refuses_is_not_sent()
    {
        await using var elsewhere = await ScriptedServer.StartAsync(address: IPAddress.IPv6Loopback);
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(307).WithHeader("Location", new Uri(elsewhere.BaseAddress, "v2/self").ToString()));
        var options = TestClients.Options(server, maxAttempts: 4);
        options.Transport.FollowRedirects = true;
        options.Transport.ConnectPolicy = (_, address) => address.Equals(IPAddress.Loopback);
        using var client = ApiClient.Create(options);

        var result = await TestClients.Settled(client.SendAsync(ApiRequest.Get("v2/self")));

        Assert.Equal(ApiErrorKind.NotAllowed, result.Error?.Kind);
        Assert.Contains("::1 is not allowed by the outbound policy", result.Error?.Message);
        Assert.Equal(1, result.Error?.Attempts);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, elsewhere.RequestCount);
    }
}

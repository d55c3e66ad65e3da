using System.Collections.Concurrent;
using System.Net;
using Freight.Http.Tests.Pagination;
using Freight.TestUtils;

namespace Freight.Http.Tests.Transport;

public sealed class ConnectPolicyTests
{
    [Fact]
    public async Task A_host_name_that_resolves_to_a_refused_address_is_refused_at_connect_and_not_retried()
    {
        await using var server = await ScriptedServer.StartAsync();
        var asked = new ConcurrentQueue<(string Host, IPAddress Address)>();
        var options = TestClients.Options(null, maxAttempts: 4);
        options.BaseAddress = new Uri($"http://localhost:{server.BaseAddress.Port}/");
        options.Transport.ConnectPolicy = (host, address) =>
        {
            asked.Enqueue((host, address));
            return !IPAddress.IsLoopback(address);
        };
        using var client = ApiClient.Create(options);

        var result = await TestClients.Settled(client.SendAsync(ApiRequest.Get("v2/auth/whoami")));

        Assert.Equal(ApiErrorKind.NotAllowed, result.Error?.Kind);
        Assert.Equal(1, result.Error?.Attempts);
        Assert.StartsWith("GET /v2/auth/whoami was not sent: Connecting to localhost at ", result.Error?.Message);
        Assert.Contains("127.0.0.1", result.Error?.Message);
        Assert.EndsWith("is not allowed by the outbound policy.", result.Error?.Message);
        Assert.IsType<ApiNotAllowedException>(result.Error?.ToException());
        Assert.Contains(("localhost", IPAddress.Loopback), asked);
        Assert.All(asked, pair => Assert.Equal("localhost", pair.Host));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task A_refused_address_does_not_count_against_the_circuit_breaker()
    {
        var options = TestClients.Options(null, maxAttempts: 1);
        options.BaseAddress = new Uri("http://127.0.0.1:9/");
        options.CircuitBreaker.MinimumThroughput = 2;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.Transport.ConnectPolicy = (_, _) => false;
        using var client = ApiClient.Create(options);

        for (var i = 0; i < 3; i++)
        {
            var result = await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")));
            Assert.Equal(ApiErrorKind.NotAllowed, result.Error?.Kind);
            Assert.Equal("GET /items was not sent: Connecting to 127.0.0.1 is not allowed by the outbound policy.", result.Error?.Message);
        }

        Assert.Equal(CircuitState.Closed, client.GetCircuitState("127.0.0.1:9"));
    }

    [Fact]
    public async Task The_connection_goes_to_an_address_the_policy_allowed()
    {
        // localhost may resolve to ::1 as well; the server listens on 127.0.0.1 only, the one address allowed.
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"id":3}"""));
        var options = TestClients.Options(null);
        options.BaseAddress = new Uri($"http://localhost:{server.BaseAddress.Port}/");
        options.Transport.ConnectPolicy = (host, address) => host == "localhost" && address.Equals(IPAddress.Loopback);
        using var client = ApiClient.Create(options);

        var result = await TestClients.Settled(client.GetAsync<Item>("items/3"));

        Assert.Equal(3, result.Value.Id);
        Assert.Equal(1, server.RequestCount);
    }
}

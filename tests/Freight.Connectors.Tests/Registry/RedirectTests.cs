using System.Net;
using System.Text.Json;
using Freight.Connectors.Affinity;
using Freight.Connectors.Attio;
using Freight.Http;
using Freight.TestUtils;
using Microsoft.Extensions.Logging.Abstractions;

namespace Freight.Connectors.Tests.Registry;

/// <summary>
/// An allowlisted server (127.0.0.1) that redirects every request to one the allowlist leaves out ([::1]): neither
/// connector ever reaches the second, whether its client follows redirects or not.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private ScriptedServer _elsewhere = null!;
    private ScriptedServer _allowed = null!;

    private ConnectorContext Context => new(_time, NullLoggerFactory.Instance, OutboundPolicy.Parse("127.0.0.1"));

    public async Task InitializeAsync()
    {
        _elsewhere = await ScriptedServer.StartAsync(address: IPAddress.IPv6Loopback);
        _allowed = await ScriptedServer.StartAsync();
        _allowed.DefaultResponse = ScriptedResponse.Status(302).WithHeader("Location", new Uri(_elsewhere.BaseAddress, "v2/self").ToString());
    }

    public async Task DisposeAsync()
    {
        await _allowed.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [Fact]
    public async Task The_Affinity_source_does_not_follow_a_redirect_and_stops_the_job()
    {
        await using var source = AffinitySource.Create(Config(), Context, VirtualTime);

        var check = await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(source.VerifyCredentialsAsync(CancellationToken.None)));
        var read = await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(source.ReadPageAsync(EntityKind.Companies, null, CancellationToken.None)));

        Assert.All([check, read], error => Assert.True(error.StopsJob));
        Assert.Contains("answered 302 Found", read.Message);
        Assert.Contains("Freight does not follow redirects: fix the source's base_url.", read.Message);
        Assert.Equal(2, _allowed.RequestCount);
        Assert.Equal(0, _elsewhere.RequestCount);
    }

    [Fact]
    public async Task The_Affinity_source_refuses_at_connect_an_address_off_the_allowlist_even_when_its_client_follows_redirects()
    {
        await using var source = AffinitySource.Create(Config(), Context, FollowingRedirects);

        var check = await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(source.VerifyCredentialsAsync(CancellationToken.None)));
        var read = await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(source.ReadPageAsync(EntityKind.People, null, CancellationToken.None)));

        Assert.All([check, read], error =>
        {
            Assert.True(error.StopsJob);
            Assert.Contains("Connecting to ::1 is not allowed by the outbound policy.", error.Message);
        });
        Assert.Equal(2, _allowed.RequestCount);
        Assert.Equal(0, _elsewhere.RequestCount);
    }

    [Fact]
    public async Task The_Attio_target_does_not_follow_a_redirect_and_stops_the_job()
    {
        var target = new AttioTarget(new AttioConfig("key", _allowed.BaseAddress, 100, 100, 10), Context, VirtualTime);

        var check = await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(target.VerifyCredentialsAsync(CancellationToken.None)));
        var schema = await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(target.EnsureSchemaAsync(new SourceSchema([], []), CancellationToken.None)));

        Assert.All([check, schema], error =>
        {
            Assert.True(error.StopsJob);
            Assert.Contains("answered 302 Found", error.Message);
            Assert.Contains("Freight does not follow redirects: fix the target's base_url.", error.Message);
        });
        // The schema's reads go out side by side; none is retried.
        Assert.All(_allowed.Requests.GroupBy(request => request.Path), path => Assert.Single(path));
        Assert.Contains(_allowed.Requests, request => request.Path == "/v2/self");
        Assert.Equal(0, _elsewhere.RequestCount);
    }

    [Fact]
    public async Task The_Attio_target_refuses_at_connect_an_address_off_the_allowlist_even_when_its_clients_follow_redirects()
    {
        var target = new AttioTarget(
            new AttioConfig("key", _allowed.BaseAddress, 100, 100, 10),
            Context,
            FollowingRedirects);

        var check = await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(target.VerifyCredentialsAsync(CancellationToken.None)));
        var schema = await Assert.ThrowsAsync<ConnectorException>(() => _time.RunAsync(target.EnsureSchemaAsync(new SourceSchema([], []), CancellationToken.None)));

        Assert.All([check, schema], error =>
        {
            Assert.True(error.StopsJob);
            Assert.Contains("Connecting to ::1 is not allowed by the outbound policy.", error.Message);
        });
        // The schema's reads go out side by side; none is retried.
        Assert.All(_allowed.Requests.GroupBy(request => request.Path), path => Assert.Single(path));
        Assert.Contains(_allowed.Requests, request => request.Path == "/v2/self");
        Assert.Equal(0, _elsewhere.RequestCount);
    }

    /// <summary>No timeouts and no token-bucket timers: the only timers left are retry delays, which the clock may run freely.</summary>
    private static void VirtualTime(ApiClientOptions options)
    {
        options.AttemptTimeout = Timeout.InfiniteTimeSpan;
        options.TotalTimeout = Timeout.InfiniteTimeSpan;
        options.RateLimit.PermitLimit = 0;
        options.RateLimitRegistry = new RateLimitRegistry();
    }

    private static void FollowingRedirects(ApiClientOptions options)
    {
        VirtualTime(options);
        options.Transport.FollowRedirects = true;
    }

    private JsonElement Config() => JsonSerializer.SerializeToElement(new { api_key = "key", base_url = _allowed.BaseAddress.ToString() });
}

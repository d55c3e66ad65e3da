using System.Net;
using Freight.Http;
using Freight.TestUtils;

namespace Freight.Connectors.Tests.Registry;

/// <summary>The outbound policy at connect time: which host may be reached at which address.</summary>
public sealed class OutboundConnectTests
{
    private const string Official = "api.attio.com";

    [Theory]
    [InlineData("34.120.10.20")]
    [InlineData("2600:1901:0:38d7::")]
    public void The_official_host_at_a_public_address_is_allowed(string address) =>
        Assert.True(OutboundPolicy.OfficialOnly.AllowsConnection(Official, IPAddress.Parse(address), Official));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.7")]
    [InlineData("172.16.4.4")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:a00:1::")]
    public void The_official_host_at_a_private_loopback_link_local_or_special_address_is_refused(string address) =>
        Assert.False(OutboundPolicy.OfficialOnly.AllowsConnection(Official, IPAddress.Parse(address), Official));

    [Fact]
    public void A_host_that_is_neither_official_nor_allowlisted_is_refused_even_at_a_public_address() =>
        Assert.False(OutboundPolicy.Parse("crm.internal").AllowsConnection("evil.example.com", IPAddress.Parse("34.120.10.20"), Official));

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("127.0.0.1")]
    [InlineData("34.120.10.20")]
    public void An_allowlisted_host_name_is_allowed_at_whatever_it_resolves_to(string address) =>
        Assert.True(OutboundPolicy.Parse("crm.internal").AllowsConnection("CRM.internal", IPAddress.Parse(address), Official));

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "::ffff:127.0.0.1", "::ffff:127.0.0.1", true)]
    [InlineData("127.0.0.1", "::1", "::1", false)]
    [InlineData("127.0.0.1", "127.0.0.2", "127.0.0.2", false)]
    [InlineData("10.0.0.0/8", "10.9.8.7", "10.9.8.7", true)]
    [InlineData("10.0.0.0/8", "api.attio.com", "10.9.8.7", true)]
    [InlineData("10.0.0.0/8", "api.attio.com", "192.168.0.1", false)]
    public void Allowlisted_addresses_and_ranges_are_allowed_and_nothing_next_to_them(string allowlist, string host, string address, bool allowed) =>
        Assert.Equal(allowed, OutboundPolicy.Parse(allowlist).AllowsConnection(host, IPAddress.Parse(address), Official));

    [Fact]
    public async Task A_host_name_that_resolves_to_a_refused_address_is_refused_at_connect()
    {
        // localhost stands in for an official host whose DNS answer is a loopback address: the name passes, the address does not.
        await using var server = await ScriptedServer.StartAsync();
        using var client = ApiClient.Create(new ApiClientOptions
        {
            BaseAddress = new Uri($"http://localhost:{server.BaseAddress.Port}/"),
            TimeProvider = new ManualTimeProvider(),
            RateLimitRegistry = new RateLimitRegistry(),
            Retry = { MaxAttempts = 4, JitterFactor = 0 },
            Transport = { ConnectPolicy = OutboundPolicy.OfficialOnly.ConnectPolicy("localhost") },
        });

        var result = await client.SendAsync(ApiRequest.Get("v2/self")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ApiErrorKind.NotAllowed, result.Error?.Kind);
        Assert.StartsWith("GET /v2/self was not sent: Connecting to localhost at ", result.Error?.Message);
        Assert.Contains("127.0.0.1", result.Error?.Message);
        Assert.EndsWith("is not allowed by the outbound policy.", result.Error?.Message);
        Assert.Equal(1, result.Error?.Attempts);
        Assert.Equal(0, server.RequestCount);
    }
}

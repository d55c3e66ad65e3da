namespace Freight.Connectors.Tests.Registry;

public sealed class OutboundPolicyTests
{
    private const string Official = "api.affinity.co";

    [Theory]
    [InlineData("https://api.affinity.co")]
    [InlineData("https://api.affinity.co/")]
    [InlineData("https://API.Affinity.co:443/v2")]
    public void The_official_host_over_https_is_allowed(string url) =>
        Assert.Null(OutboundPolicy.OfficialOnly.Check(url, Official));

    [Theory]
    [InlineData("http://api.affinity.co")]
    [InlineData("https://api.affinity.co:8443")]
    [InlineData("http://api.affinity.co:443")]
    public void The_official_host_over_http_or_another_port_is_refused(string url) =>
        Assert.Equal("base_url must be https://api.affinity.co.", OutboundPolicy.OfficialOnly.Check(url, Official));

    [Theory]
    [InlineData("http://127.0.0.1:5101", "127.0.0.1")]
    [InlineData("http://localhost:5101", "localhost")]
    [InlineData("https://10.1.2.3", "10.1.2.3")]
    [InlineData("https://192.168.0.10", "192.168.0.10")]
    [InlineData("https://169.254.169.254", "169.254.169.254")]
    [InlineData("http://[::1]:5101", "[::1]")]
    [InlineData("https://evil.example.com", "evil.example.com")]
    [InlineData("https://api.affinity.co.evil.example", "api.affinity.co.evil.example")]
    public void Private_loopback_link_local_and_other_hosts_are_refused_without_an_allowlist(string url, string host) =>
        Assert.Equal(
            $"base_url host '{host}' is neither api.affinity.co nor on the operator's outbound allowlist.",
            OutboundPolicy.OfficialOnly.Check(url, Official));

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:5101")]
    [InlineData("127.0.0.0/8", "http://127.9.8.7:1")]
    [InlineData("10.0.0.0/8, 192.168.0.0/16", "https://192.168.4.2")]
    [InlineData("crm.internal", "http://CRM.internal:8080/api")]
    [InlineData("::1", "http://[::1]:5101")]
    [InlineData("fd00::/8", "https://[fd12:3456::1]")]
    [InlineData("127.0.0.1", "http://[::ffff:127.0.0.1]:5101")]
    [InlineData("api.affinity.co", "http://api.affinity.co:8080")]
    public void Allowlisted_hosts_addresses_and_ranges_are_allowed(string allowlist, string url) =>
        Assert.Null(OutboundPolicy.Parse(allowlist).Check(url, Official));

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.2")]
    [InlineData("10.0.0.0/8", "http://11.0.0.1")]
    [InlineData("crm.internal", "http://other.internal")]
    [InlineData("::1", "http://127.0.0.1")]
    public void Addresses_outside_the_allowlist_are_refused(string allowlist, string url) =>
        Assert.NotNull(OutboundPolicy.Parse(allowlist).Check(url, Official));

    [Theory]
    [InlineData("not a host!")]
    [InlineData("10.0.0.0/99")]
    [InlineData("http://x")]
    public void A_malformed_allowlist_entry_is_refused_by_name(string entry)
    {
        var error = Assert.Throws<ArgumentException>(() => OutboundPolicy.Parse($"127.0.0.1,{entry}"));

        Assert.StartsWith($"'{entry}' in the outbound allowlist is not a host name, an IP address or a CIDR range.", error.Message);
    }

    [Theory]
    [InlineData("ftp://api.affinity.co", "base_url 'ftp://api.affinity.co' is not an absolute http(s) URL.")]
    [InlineData("api.affinity.co", "base_url 'api.affinity.co' is not an absolute http(s) URL.")]
    [InlineData("https://user:pw@api.affinity.co", "base_url must not carry credentials.")]
    public void Urls_that_are_not_plain_http_addresses_are_refused(string url, string message) =>
        Assert.Equal(message, OutboundPolicy.Parse("127.0.0.1").Check(url, Official));

    [Fact]
    public void An_empty_allowlist_is_official_only() =>
        Assert.Same(OutboundPolicy.OfficialOnly, OutboundPolicy.Parse("  "));
}

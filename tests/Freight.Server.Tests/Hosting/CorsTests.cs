using System.Net;

namespace Freight.Server.Tests.Hosting;

public sealed class CorsTests
{
    private const string Allowed = "https://app.example.com";

    private static Task<ApiServer> StartAsync(string? origins = $" {Allowed} , http://localhost:3000") =>
        ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:CorsOrigins"] = origins });

    private static HttpRequestMessage Preflight(string origin, string path = "/api/v1/jobs") => new(HttpMethod.Options, path)
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "x-api-key,content-type,idempotency-key,if-none-match" },
        },
    };

    [Theory]
    [InlineData(Allowed)]
    [InlineData("http://localhost:3000")]
    public async Task A_preflight_from_an_allowed_origin_gets_the_apis_methods_and_headers(string origin)
    {
        await using var server = await StartAsync();
        using var request = Preflight(origin);

        using var response = await server.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("GET,POST,PUT,PATCH,DELETE", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.Equal("x-api-key,content-type,idempotency-key,if-none-match,x-request-id", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant());
        Assert.Equal("600", response.Headers.GetValues("Access-Control-Max-Age").Single());
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("https://app.example.com.evil.net")]
    [InlineData("http://app.example.com")]
    public async Task A_preflight_from_another_origin_gets_no_cors_headers(string origin)
    {
        await using var server = await StartAsync();
        using var request = Preflight(origin);

        using var response = await server.Anonymous.SendAsync(request);

        Assert.DoesNotContain(response.Headers, header => header.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_answer_to_an_allowed_origin_exposes_the_headers_clients_read()
    {
        await using var server = await StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{Guid.NewGuid()}") { Headers = { { "Origin", Allowed }, { "X-API-Key", key } } };

        using var response = await server.Anonymous.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(Allowed, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(
            "X-Request-ID,X-RateLimit-Limit,X-RateLimit-Remaining,X-RateLimit-Reset,ETag,Location,Retry-After",
            string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")));
    }

    [Fact]
    public async Task Without_configured_origins_no_origin_gets_cors_headers()
    {
        await using var server = await StartAsync(origins: null);
        using var preflight = Preflight(Allowed);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "Origin", Allowed } } };

        using var preflightResponse = await server.Anonymous.SendAsync(preflight);
        using var response = await server.Anonymous.SendAsync(request);

        Assert.DoesNotContain(preflightResponse.Headers, header => header.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(response.Headers, header => header.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("app.example.com")]
    [InlineData("https://app.example.com/")]
    [InlineData("https://app.example.com/path")]
    [InlineData("ftp://files.example.com")]
    public async Task An_ill_formed_origin_is_refused_at_start(string origin)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(origin));

        Assert.StartsWith($"CorsOrigins: '{origin}' is not an origin", error.Message, StringComparison.Ordinal);
    }
}

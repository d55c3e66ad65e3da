using System.Net;
using System.Text.Json.Nodes;
using Freight.Server.Dashboard;

namespace Freight.Server.Tests.Dashboard;

/// <summary>The dashboard's files as the browser gets them: types, caching, security headers, and what is not there.</summary>
public sealed class DashboardEndpointTests
{
    [Theory]
    [InlineData("/dashboard/", "text/html; charset=utf-8", "<script type=\"module\" src=\"js/main.js\">")]
    [InlineData("/dashboard/index.html", "text/html; charset=utf-8", "<main id=\"view\"")]
    [InlineData("/dashboard/app.css", "text/css; charset=utf-8", ".progress")]
    [InlineData("/dashboard/js/api.js", "text/javascript; charset=utf-8", "export async function followJob")]
    [InlineData("/dashboard/js/views/job.js", "text/javascript; charset=utf-8", "export function jobView")]
    [InlineData("/dashboard/favicon.svg", "image/svg+xml", "<svg")]
    public async Task A_dashboard_file_is_served_with_its_type_a_strict_policy_and_an_etag(string path, string contentType, string content)
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DashboardEndpoints.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.StartsWith("default-src 'self';", DashboardEndpoints.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", DashboardEndpoints.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Matches("^\"[0-9a-f]{32}\"$", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_file_asked_again_with_its_etag_is_304_without_a_body()
    {
        await using var server = await ApiServer.StartAsync();
        using var first = await server.Anonymous.GetAsync("/dashboard/js/api.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/js/api.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await server.Anonymous.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, response.Headers.ETag);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/dashboard")]
    public async Task The_root_redirects_to_the_dashboard(string path)
    {
        await using var server = await ApiServer.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/dashboard/x")]
    [InlineData("/dashboard/%2e%2e/appsettings.json")]
    [InlineData("/dashboard/Freight.Server.dll")]
    public async Task An_unknown_dashboard_file_is_404_in_the_error_shape(string path)
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Anonymous.GetAsync(path);

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "not_found", "No such resource.");
    }

    [Fact]
    public async Task The_dashboard_routes_are_not_in_the_api_document()
    {
        await using var server = await ApiServer.StartAsync();

        var document = JsonNode.Parse(await server.Anonymous.GetStringAsync("/api/openapi.json"))!;

        var paths = document["paths"]!.AsObject().Select(path => path.Key).ToList();
        Assert.NotEmpty(paths);
        Assert.DoesNotContain(paths, path => path == "/" || path.StartsWith("/dashboard", StringComparison.Ordinal));
    }
}

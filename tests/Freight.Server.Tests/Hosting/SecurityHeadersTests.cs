using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Server.Tests.Hosting;

/// <summary>Every HTML page refuses to be framed and sniffed; every other answer, JSON above all, refuses sniffing.</summary>
public sealed partial class SecurityHeadersTests
{
    [Theory]
    [InlineData("/api/docs/index.html")]
    [InlineData("/api/docs/oauth2-redirect.html")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/index.html")]
    public async Task An_html_page_cannot_be_framed_or_sniffed(string path)
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Swagger_ui_runs_under_its_policy_no_inline_script_and_sources_of_its_own_origin()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Anonymous.GetAsync("/api/docs/index.html");
        var page = await response.Content.ReadAsStringAsync();

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", policy.Split(';').Single(part => part.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);

        // Every script of the page is a file of the same origin, which script-src 'self' allows.
        var scripts = ScriptTag().Matches(page).Select(match => match.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Matches(@"src=""(\./)?[\w.-]+\.js""", script));
        foreach (var source in scripts.Select(script => ScriptSource().Match(script).Groups[1].Value))
        {
            using var file = await server.Anonymous.GetAsync("/api/docs/" + source);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Theory]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/health/disk", HttpStatusCode.NotFound)]
    [InlineData("/api/openapi.json", HttpStatusCode.OK)]
    [InlineData("/api/v1/jobs", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("/nothing", HttpStatusCode.NotFound)]
    [InlineData("/dashboard/missing.js", HttpStatusCode.NotFound)]
    public async Task A_json_answer_is_not_sniffed(string path, HttpStatusCode status)
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Anonymous.GetAsync(path);

        AssertJsonNotSniffed(response, status);
    }

    [Fact]
    public async Task Tenant_and_admin_answers_success_or_error_are_not_sniffed()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var list = await client.GetAsync("/api/v1/jobs");
        using var invalid = await client.GetAsync("/api/v1/jobs?limit=0");
        using var created = await client.PostAsJsonAsync("/api/v1/jobs", Jobs.JobScenario.Body());
        using var tenants = await server.Admin.GetAsync("/api/v1/admin/tenants");
        using var notAllowed = await server.Admin.PutAsJsonAsync("/api/v1/admin/tenants", new { name = "x" });

        AssertJsonNotSniffed(list, HttpStatusCode.OK);
        AssertJsonNotSniffed(invalid, HttpStatusCode.UnprocessableEntity);
        AssertJsonNotSniffed(created, HttpStatusCode.Created);
        AssertJsonNotSniffed(tenants, HttpStatusCode.OK);
        AssertJsonNotSniffed(notAllowed, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_server_error_is_not_sniffed()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        await using (var context = await server.Services.GetRequiredService<IDbContextFactory<FreightDbContext>>().CreateDbContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync("DROP TABLE jobs");
        }

        using var response = await client.GetAsync("/api/v1/jobs");

        AssertJsonNotSniffed(response, HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Metrics_text_is_not_sniffed()
    {
        await using var server = await ApiServer.StartAsync();

        using var response = await server.Anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private static void AssertJsonNotSniffed(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"src=""(?:\./)?([^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex ScriptSource();
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Freight.Server.Tests.Logging;

public sealed class RequestLogTests
{
    private const string RequestCategory = "Freight.Server.Logging.RequestLogMiddleware";

    [Fact]
    public async Task Each_request_is_one_line_with_request_id_tenant_method_route_status_and_duration()
    {
        await using var server = await ApiServer.StartAsync();
        var logs = Capture(server);
        var (tenantId, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var jobId = Guid.NewGuid();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{jobId}") { Headers = { { "X-Request-ID", "trace-1" } } };
        using var response = await client.SendAsync(request);
        var line = (await logs.WaitForAsync(entry => entry.Category == RequestCategory && Equals(entry.Fields["RequestId"], "trace-1"))).Single();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal(5201, line.EventId);
        Assert.Equal("GET", line.Fields["Method"]);
        Assert.Equal("/api/v1/jobs/{jobId:guid}", line.Fields["Route"]);
        Assert.Equal(404, line.Fields["Status"]);
        Assert.Equal(tenantId, line.Fields["TenantId"]);
        Assert.Equal(0.0, line.Fields["DurationMs"]); // the clock is virtual and did not move
        Assert.DoesNotContain(jobId.ToString(), line.Line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unauthenticated_and_unmatched_requests_are_logged_without_tenant_or_path()
    {
        await using var server = await ApiServer.StartAsync();
        var logs = Capture(server);

        using var unknown = await server.Anonymous.GetAsync("/no/such/path?token=abc");
        using var noKey = await server.Anonymous.GetAsync("/api/v1/jobs");
        var lines = await logs.WaitForAsync(entry => entry.Category == RequestCategory, count: 2);

        Assert.Equal([(404, null, null), (401, "/api/v1/jobs/", null)], lines.Select(line => ((int)line.Fields["Status"]!, line.Fields["Route"], line.Fields["TenantId"])));
        Assert.All(logs.Entries, entry => Assert.DoesNotContain("/no/such/path", entry.Line, StringComparison.Ordinal));
        Assert.All(logs.Entries, entry => Assert.DoesNotContain("token=abc", entry.Line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_key_credential_or_body_of_any_request_reaches_the_log()
    {
        await using var server = await ApiServer.StartAsync();
        var logs = Capture(server);
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        const string sourceSecret = "affinity-secret-4f9c2d7e1a";
        const string targetSecret = "attio-token-8b3e6a0c5d";
        var job = new
        {
            source_system = "affinity",
            target_system = "attio",
            source_config = new { api_key = sourceSecret },
            target_config = new { access_token = targetSecret },
            verify_credentials = false,
        };

        using var create = await client.PostAsJsonAsync("/api/v1/jobs", job);
        using var badJson = await client.PostAsync("/api/v1/jobs", new StringContent($"{{\"source_config\": {{\"api_key\": \"{sourceSecret}\"", Encoding.UTF8, "application/json"));
        using var query = await client.GetAsync($"/api/v1/jobs?status={targetSecret}");
        using var wrongKey = await server.Tenant(key[..^4] + "zzzz").GetAsync("/api/v1/jobs");
        using var wrongAdmin = await server.Client("X-Admin-Key", "not-the-admin-key-" + sourceSecret).GetAsync("/api/v1/admin/tenants");
        await logs.WaitForAsync(entry => entry.Category == RequestCategory, count: 6); // the tenant's creation too

        var secrets = new[] { key, key[..^4] + "zzzz", ApiServer.AdminKey, sourceSecret, targetSecret };
        Assert.All(logs.Entries, entry => Assert.All(secrets, secret => Assert.DoesNotContain(secret, entry.Line, StringComparison.Ordinal)));
        Assert.All(logs.Entries, entry => Assert.DoesNotContain(key[4..12] + key[12..], entry.Line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_error_is_logged_as_a_warning_with_its_500()
    {
        await using var server = await ApiServer.StartAsync();
        var logs = Capture(server);
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        await using (var context = await server.Services.GetRequiredService<IDbContextFactory<FreightDbContext>>().CreateDbContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync("DROP TABLE jobs");
        }

        using var response = await client.GetAsync("/api/v1/jobs");
        var line = (await logs.WaitForAsync(entry => entry.Category == RequestCategory && Equals(entry.Fields["Status"], 500))).Single();

        await response.AssertErrorAsync(HttpStatusCode.InternalServerError, "internal_error");
        Assert.Equal((LogLevel.Warning, "/api/v1/jobs/"), (line.Level, line.Fields["Route"]));
        Assert.Equal("99", response.Headers.GetValues("X-RateLimit-Remaining").Single()); // the error answer keeps its headers
    }

    [Fact]
    public async Task The_console_writes_json_lines()
    {
        await using var server = await ApiServer.StartAsync();

        var console = server.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
    }

    private static CapturedLogs Capture(ApiServer server)
    {
        var logs = new CapturedLogs();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        return logs;
    }
}

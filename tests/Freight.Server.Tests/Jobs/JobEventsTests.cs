using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Freight.Core.Domain;
using Freight.Core.Persistence;
using Freight.Server.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Server.Tests.Jobs;

public sealed class JobEventsTests
{
    [Fact]
    public async Task Events_send_the_job_then_each_change_and_end_when_it_finishes()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);

        using var response = await client.GetAsync($"/api/v1/jobs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var events = new EventReader(await response.Content.ReadAsStreamAsync());
        var first = await events.NextAsync();
        await server.Time.WaitForPendingTimerAsync(due => due == JobEvents.PollInterval);
        server.Time.Advance(JobEvents.PollInterval);
        await server.Time.WaitForPendingTimerAsync(due => due == JobEvents.PollInterval);
        using var cancel = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        server.Time.Advance(JobEvents.PollInterval);
        var progress = await events.NextAsync();
        var end = await events.NextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("progress", "1", "pending"), (first.Name, first.Id, first.Data.GetProperty("status").GetString()));
        Assert.Equal(("progress", "2", "cancelled"), (progress.Name, progress.Id, progress.Data.GetProperty("status").GetString()));
        Assert.Equal(("end", "2", id), (end.Name, end.Id, end.Data.GetProperty("id").GetGuid()));
        Assert.Null(await events.LineAsync());
    }

    [Fact]
    public async Task An_idle_stream_sends_a_keep_alive_comment()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);

        using var response = await client.GetAsync($"/api/v1/jobs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var events = new EventReader(await response.Content.ReadAsStreamAsync());
        await events.NextAsync();
        for (var waited = TimeSpan.Zero; waited < JobEvents.KeepAliveInterval; waited += JobEvents.PollInterval)
        {
            await server.Time.WaitForPendingTimerAsync(due => due == JobEvents.PollInterval);
            server.Time.Advance(JobEvents.PollInterval);
        }

        Assert.Equal(": keep-alive", await events.LineAsync());
    }

    [Fact]
    public async Task Events_of_a_finished_job_are_its_state_and_the_end()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CompletedWithErrorsAsync(server, client);

        using var response = await client.GetAsync($"/api/v1/jobs/{id}/events");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = text.Split('\n').Where(line => line.StartsWith("event: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["event: progress", "event: end"], names);
        Assert.Contains("\"status\":\"completed_with_errors\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_open_stream_with_an_error_event()
    {
        await using var server = await ApiServer.StartAsync();
        var (tenantId, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);
        var keys = await (await server.Admin.GetAsync($"/api/v1/admin/tenants/{tenantId}/keys")).JsonAsync(HttpStatusCode.OK);
        using var response = await client.GetAsync($"/api/v1/jobs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var events = new EventReader(await response.Content.ReadAsStreamAsync());
        await events.NextAsync();

        using var revoke = await server.Admin.DeleteAsync($"/api/v1/admin/tenants/{tenantId}/keys/{keys[0].GetProperty("id").GetGuid()}");
        await AdvanceOnePollAsync(server);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await AssertEndsUnauthorizedAsync(events);
    }

    [Fact]
    public async Task Suspending_the_tenant_ends_its_open_streams_with_an_error_event()
    {
        await using var server = await ApiServer.StartAsync();
        var (tenantId, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);
        using var response = await client.GetAsync($"/api/v1/jobs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var events = new EventReader(await response.Content.ReadAsStreamAsync());
        await events.NextAsync();

        await using (var other = server.AnotherProcess())
        {
            await using var context = await other.GetRequiredService<IDbContextFactory<FreightDbContext>>().CreateDbContextAsync();
            var suspended = await context.Tenants.Where(tenant => tenant.Id == tenantId)
                .ExecuteUpdateAsync(setters => setters.SetProperty(tenant => tenant.Status, TenantStatus.Suspended));
            Assert.Equal(1, suspended);
        }

        await AdvanceOnePollAsync(server);

        await AssertEndsUnauthorizedAsync(events);
    }

    [Fact]
    public async Task A_stream_whose_key_stays_valid_goes_on()
    {
        await using var server = await ApiServer.StartAsync();
        var (tenantId, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);
        using var response = await client.GetAsync($"/api/v1/jobs/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var events = new EventReader(await response.Content.ReadAsStreamAsync());
        await events.NextAsync();

        // Another key of the same tenant is revoked: a commit that invalidates the cache, not this key.
        using var issued = await server.Admin.PostAsJsonAsync($"/api/v1/admin/tenants/{tenantId}/keys", new { name = "other" });
        var other = await issued.JsonAsync(HttpStatusCode.Created);
        using var revoke = await server.Admin.DeleteAsync($"/api/v1/admin/tenants/{tenantId}/keys/{other.GetProperty("id").GetGuid()}");
        await AdvanceOnePollAsync(server);
        await AdvanceOnePollAsync(server);
        using var cancel = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        await AdvanceOnePollAsync(server);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var progress = await events.NextAsync();
        Assert.Equal(("progress", "cancelled"), (progress.Name, progress.Data.GetProperty("status").GetString()));
        Assert.Equal("end", (await events.NextAsync()).Name);
    }

    private static async Task AdvanceOnePollAsync(ApiServer server)
    {
        await server.Time.WaitForPendingTimerAsync(due => due == JobEvents.PollInterval);
        server.Time.Advance(JobEvents.PollInterval);
    }

    private static async Task AssertEndsUnauthorizedAsync(EventReader events)
    {
        var error = await events.NextAsync();
        Assert.Equal(("error", null), (error.Name, error.Id));
        Assert.Equal("unauthorized", error.Data.GetProperty("error").GetString());
        Assert.Equal("The API key is no longer valid: it was revoked or its tenant suspended.", error.Data.GetProperty("message").GetString());
        Assert.StartsWith("req_", error.Data.GetProperty("request_id").GetString(), StringComparison.Ordinal);
        Assert.Null(await events.LineAsync());
    }

    private sealed record ServerEvent(string Name, string? Id, JsonElement Data);

    /// <summary>Reads a text/event-stream line by line; the server's own flushes deliver each event whole.</summary>
    private sealed class EventReader(Stream stream) : IDisposable
    {
        private readonly StreamReader _reader = new(stream, Encoding.UTF8);

        public async Task<string?> LineAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await _reader.ReadLineAsync(timeout.Token);
        }

        public async Task<ServerEvent> NextAsync()
        {
            var fields = new Dictionary<string, string>();
            while (await LineAsync() is { } line)
            {
                if (line.Length == 0 && fields.Count > 0)
                {
                    return new ServerEvent(fields["event"], fields.GetValueOrDefault("id"), JsonDocument.Parse(fields["data"]).RootElement);
                }

                if (!line.StartsWith(':') && line.Split(": ", 2) is [var name, var value])
                {
                    fields[name] = value;
                }
            }

            throw new InvalidOperationException("The stream ended before an event.");
        }

        public void Dispose() => _reader.Dispose();
    }
}

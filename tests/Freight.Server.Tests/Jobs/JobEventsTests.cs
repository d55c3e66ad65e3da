using System.Net;
using System.Text;
using System.Text.Json;
using Freight.Server.Jobs;

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

    private sealed record ServerEvent(string Name, string Id, JsonElement Data);

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
                    return new ServerEvent(fields["event"], fields["id"], JsonDocument.Parse(fields["data"]).RootElement);
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

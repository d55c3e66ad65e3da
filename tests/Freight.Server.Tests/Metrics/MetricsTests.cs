using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Http;
using Freight.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Freight.Server.Tests.Metrics;

public sealed class MetricsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Requests_are_counted_and_timed_by_method_route_and_status()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = OneConnection(server, key);

        for (var i = 0; i < 2; i++)
        {
            (await client.GetAsync("/api/v1/jobs")).Dispose();
        }

        (await client.GetAsync($"/api/v1/jobs/{Guid.NewGuid()}")).Dispose();
        (await client.SendAsync(new HttpRequestMessage(new HttpMethod("BREW"), "/coffee"))).Dispose();
        var text = await ScrapeAsync(client);

        Assert.Contains("freight_server_http_requests_total{method=\"GET\",route=\"/api/v1/jobs/\",status=\"200\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("freight_server_http_requests_total{method=\"GET\",route=\"/api/v1/jobs/{jobId:guid}\",status=\"404\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("freight_server_http_requests_total{method=\"_OTHER\",route=\"unmatched\",status=\"404\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE freight_server_http_request_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("freight_server_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/jobs/\",status=\"200\",le=\"0.005\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("freight_server_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/jobs/\",status=\"200\",le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("freight_server_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/jobs/\",status=\"200\"} 2\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_are_counted_by_status_with_their_records()
    {
        await using var server = await ApiServer.StartAsync();
        var (tenantId, _) = await server.CreateTenantAsync("acme");
        var jobs = server.Services.GetRequiredService<JobStore>();
        for (var i = 0; i < 2; i++)
        {
            await jobs.CreateAsync(new NewJob { TenantId = tenantId, SourceSystem = "affinity", TargetSystem = "attio", SourceConfig = "{}", TargetConfig = "{}" });
        }

        var text = await ScrapeAsync(server.Anonymous);

        Assert.Contains("freight_database_up 1\n", text, StringComparison.Ordinal);
        Assert.Contains("freight_jobs{status=\"pending\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("freight_jobs{status=\"completed_with_errors\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("freight_job_records{outcome=\"processed\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("freight_job_records{outcome=\"failed\"} 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbound_calls_retries_and_circuit_states_of_freight_http_are_exported()
    {
        await using var server = await ApiServer.StartAsync();
        await using var remote = await ScriptedServer.StartAsync();
        var name = "client-" + Guid.NewGuid().ToString("N")[..8];
        await CallsWithARetryAndAnOpenCircuitAsync(remote, name);

        var text = await ScrapeAsync(server.Anonymous);

        Assert.Contains($"freight_http_client_retries_total{{client=\"{name}-retry\",http_request_method=\"GET\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"freight_http_client_requests_total{{client=\"{name}-retry\",http_request_method=\"GET\",http_response_status_code=\"200\",outcome=\"Success\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"freight_http_client_requests_total{{client=\"{name}-broken\",http_request_method=\"GET\",http_response_status_code=\"503\",outcome=\"Http\"}} 2\n", text, StringComparison.Ordinal);
        Assert.Contains($"freight_http_client_request_duration_seconds_count{{client=\"{name}-retry\",http_request_method=\"GET\",http_response_status_code=\"200\",outcome=\"Success\"}} 1\n", text, StringComparison.Ordinal);
        var circuit = text.Split('\n').Where(line => line.StartsWith("freight_http_client_circuit_state{", StringComparison.Ordinal) && line.Contains($"client=\"{name}-broken\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, circuit.Count);
        Assert.Single(circuit, line => line.Contains("state=\"open\"", StringComparison.Ordinal) && line.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Equal(3, circuit.Count(line => line.EndsWith(" 0", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Promtool_accepts_the_output()
    {
        await using var server = await ApiServer.StartAsync();
        await using var remote = await ScriptedServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = OneConnection(server, key);
        (await client.GetAsync("/api/v1/jobs")).Dispose();
        await CallsWithARetryAndAnOpenCircuitAsync(remote, "promtool-" + Guid.NewGuid().ToString("N")[..8]);
        var text = await ScrapeAsync(client);

        var promtool = new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists);
        if (promtool is null)
        {
            Assert.Null(Environment.GetEnvironmentVariable("CI")); // CI must install promtool (Debian package prometheus)
            output.WriteLine("Not checked with promtool: it is not installed (Debian package prometheus).");
            return;
        }

        using var process = Process.Start(new ProcessStartInfo(promtool, "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(process.ExitCode == 0, $"promtool: {await stdout}{await stderr}\n{text}");
        Assert.Equal("", (await stdout + await stderr).Trim());
    }

    private static async Task CallsWithARetryAndAnOpenCircuitAsync(ScriptedServer remote, string name)
    {
        remote.Enqueue("/retry", ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        remote.Enqueue("/broken", ScriptedResponse.Status(503), ScriptedResponse.Status(503));
        var retrying = new ApiClientOptions { BaseAddress = remote.BaseAddress, Retry = { MaxAttempts = 2, BaseDelay = TimeSpan.Zero } };
        var breaking = new ApiClientOptions
        {
            BaseAddress = remote.BaseAddress,
            Retry = { MaxAttempts = 1 },
            CircuitBreaker = { MinimumThroughput = 2, FailureRatio = 0.5 },
        };
        using var retry = ApiClient.Create(retrying, name: name + "-retry");
        using var broken = ApiClient.Create(breaking, name: name + "-broken");

        Assert.True((await retry.GetAsync<JsonElement>("retry")).IsSuccess);
        Assert.False((await broken.GetAsync<JsonElement>("broken")).IsSuccess);
        Assert.False((await broken.GetAsync<JsonElement>("broken")).IsSuccess);
        Assert.Equal(CircuitState.Open, Assert.Single(broken.CircuitStates).Value);
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return text;
    }

    // One connection: the server finishes a request, metrics included, before it reads the next one on it.
    private static HttpClient OneConnection(ApiServer server, string key) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1 })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { { "X-API-Key", key } },
        };
}

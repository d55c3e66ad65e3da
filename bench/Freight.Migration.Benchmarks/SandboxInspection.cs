using System.Net.Http.Json;
using System.Text.Json;

namespace Freight.Migration.Benchmarks;

/// <summary>The simulators' <c>/_sandbox</c> endpoints (never faulted, limited or logged): faults, requests, counts, duplicates.</summary>
internal sealed class SandboxInspection(SandboxProcess sandbox) : IDisposable
{
    private static readonly JsonSerializerOptions Snake = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Replaces the default fault profile of both simulators (every route), keeping the seed.</summary>
    public async Task SetFaultsAsync(FaultProfileBody profile, CancellationToken cancellationToken)
    {
        foreach (var simulator in new[] { sandbox.Affinity, sandbox.Attio })
        {
            using var answer = await _http.PutAsJsonAsync(new Uri(simulator.BaseAddress, "_sandbox/faults"), new { Default = profile }, Snake, cancellationToken);
            if (!answer.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"PUT /_sandbox/faults answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    public Task<JsonElement> AffinityAsync(string path, CancellationToken cancellationToken) => GetAsync(sandbox.Affinity, path, cancellationToken);

    public Task<JsonElement> AttioAsync(string path, CancellationToken cancellationToken) => GetAsync(sandbox.Attio, path, cancellationToken);

    public async Task<RequestCounts> AttioRequestsAsync(CancellationToken cancellationToken) =>
        RequestCounts.From(await AttioAsync("_sandbox/requests", cancellationToken));

    /// <summary>Affinity's requests; all are GETs, so all count as reads against its per-minute budget.</summary>
    public async Task<RequestCounts> AffinityRequestsAsync(CancellationToken cancellationToken) =>
        RequestCounts.From(await AffinityAsync("_sandbox/requests", cancellationToken));

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> GetAsync(SimulatorAddress simulator, string path, CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<JsonElement>(new Uri(simulator.BaseAddress, path), cancellationToken);
}

/// <summary>
/// Requests that used a simulator's budgets, counted as Attio's simulator does (<c>AttioGate</c>): a write is any method but
/// GET and HEAD, except query POSTs, which are reads. A request used a budget when it reached the gate and passed it:
/// not an injected 5xx or 429, not a connection cut before processing, not the gate's own 429. <see cref="WriteAttempts"/>
/// counts every request on a write route, those included: what a client that paces each attempt at the limit sends.
/// </summary>
internal sealed record RequestCounts(long Writes, long Reads, long Total, long Faults, long RateLimited, long WriteAttempts)
{
    public static RequestCounts From(JsonElement report)
    {
        long writes = 0, reads = 0, writeAttempts = 0;
        foreach (var route in report.GetProperty("routes").EnumerateArray())
        {
            var name = route.GetProperty("route").GetString()!;
            var faults = route.GetProperty("faults");
            var statuses = route.GetProperty("by_status");
            var answered429 = statuses.TryGetProperty("429", out var limited) ? limited.GetInt64() : 0;
            var used = route.GetProperty("total").GetInt64()
                - faults.GetProperty("server_error").GetInt64()
                - faults.GetProperty("dropped_before_processing").GetInt64()
                - answered429;
            if (IsWrite(name))
            {
                writes += used;
                writeAttempts += route.GetProperty("total").GetInt64();
            }
            else
            {
                reads += used;
            }
        }

        var status429 = report.GetProperty("by_status").TryGetProperty("429", out var all429) ? all429.GetInt64() : 0;
        return new RequestCounts(writes, reads, report.GetProperty("total").GetInt64(), report.GetProperty("faults").GetProperty("total").GetInt64(), status429, writeAttempts);
    }

    private static bool IsWrite(string route)
    {
        var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
        return method is not ("GET" or "HEAD") && !(method == "POST" && route.EndsWith("/query", StringComparison.Ordinal));
    }
}

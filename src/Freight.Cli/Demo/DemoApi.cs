using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Freight.Client;
using Freight.Sandbox.Dataset;

namespace Freight.Cli.Demo;

/// <summary>
/// The demo's calls: to Freight's REST API through Freight.Client (a tenant and its key, the job, its events and
/// failures), and to the Attio simulator's <c>/_sandbox</c> inspection (what it holds, what it holds twice).
/// </summary>
internal sealed class DemoApi(DemoStack stack, DemoSettings settings) : IDisposable
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly FreightClient _admin = new(new FreightClientOptions { BaseAddress = stack.ApiAddress, AdminKey = stack.AdminKey });
    private readonly HttpClient _inspection = new() { BaseAddress = stack.Attio.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    private readonly HttpClient _affinityInspection = new() { BaseAddress = stack.Affinity.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    private FreightClient? _tenant;

    /// <summary>The demo tenant's API key, once <see cref="CreateTenantAsync"/> has run.</summary>
    public string? ApiKey { get; private set; }

    private FreightClient Tenant => _tenant ?? throw new InvalidOperationException("Create the tenant first.");

    /// <summary>Creates the <c>demo</c> tenant through the admin API; its first key is the one the demo uses.</summary>
    public async Task<CreatedTenantResponse> CreateTenantAsync(CancellationToken cancellationToken)
    {
        var tenant = (await _admin.Admin.CreateTenantAsync(new CreateTenantRequest("Demo", "demo"), cancellationToken).ConfigureAwait(false)).Value;
        ApiKey = tenant.ApiKey;
        _tenant = new FreightClient(new FreightClientOptions { BaseAddress = stack.ApiAddress, ApiKey = tenant.ApiKey });
        return tenant;
    }

    /// <summary>
    /// An Affinity → Attio job over the simulators, with their keys and addresses, and budgets matching their rate
    /// limits at the demo's speed.
    /// </summary>
    public async Task<JobResponse> CreateJobAsync(CancellationToken cancellationToken)
    {
        var request = new CreateJobRequest(
            "affinity",
            "attio",
            new JsonObject
            {
                ["api_key"] = stack.Affinity.ApiKey,
                ["base_url"] = stack.Affinity.BaseAddress.GetLeftPart(UriPartial.Authority),
                ["requests_per_minute"] = settings.AffinityRequestsPerMinute,
            },
            new JsonObject
            {
                ["api_key"] = stack.Attio.ApiKey,
                ["base_url"] = stack.Attio.BaseAddress.GetLeftPart(UriPartial.Authority),
                ["writes_per_second"] = settings.AttioWritesPerSecond,
                ["reads_per_second"] = settings.AttioReadsPerSecond,
                ["max_parallel_writes"] = settings.MaxParallelWrites,
            });
        var created = await Tenant.Jobs.CreateAsync(request, idempotencyKey: Guid.NewGuid().ToString("N"), cancellationToken).ConfigureAwait(false);
        return created.Value;
    }

    /// <summary>The job's states from its event stream until it finishes, reconnecting if the stream ends first.</summary>
    public async IAsyncEnumerable<JobState> FollowAsync(Guid jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            JobState? last = null;
            await foreach (var update in Tenant.Jobs.EventsAsync(jobId, cancellationToken).ConfigureAwait(false))
            {
                last = State(update.Job);
                yield return last;
            }

            if (last?.Finished == true)
            {
                yield break;
            }

            await Task.Delay(Reconnect, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<JobState> GetJobAsync(Guid jobId, CancellationToken cancellationToken) =>
        State((await Tenant.Jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false)).Value);

    /// <summary>Every failure the API lists for the job, as (object, source id, code).</summary>
    public async Task<List<TargetRefusal>> FailuresAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var failures = new List<TargetRefusal>();
        await foreach (var failure in Tenant.Jobs.ListAllFailuresAsync(jobId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            failures.Add(new TargetRefusal(Name(failure.Entity), failure.SourceId, failure.Code));
        }

        return failures;
    }

    /// <summary>The Attio simulator's records, notes and entries (<c>GET /_sandbox/counts</c>).</summary>
    public Task<JsonElement> CountsAsync(CancellationToken cancellationToken) =>
        _inspection.GetFromJsonAsync<JsonElement>("_sandbox/counts", cancellationToken);

    /// <summary>The Attio simulator's duplicate report (<c>GET /_sandbox/duplicates</c>).</summary>
    public Task<JsonElement> DuplicatesAsync(CancellationToken cancellationToken) =>
        _inspection.GetFromJsonAsync<JsonElement>("_sandbox/duplicates", cancellationToken);

    /// <summary>What each simulator served (<c>GET /_sandbox/requests</c>): requests, and the faults injected among them.</summary>
    public async Task<(JsonElement Affinity, JsonElement Attio)> RequestsAsync(CancellationToken cancellationToken) =>
        (await _affinityInspection.GetFromJsonAsync<JsonElement>("_sandbox/requests", cancellationToken).ConfigureAwait(false),
            await _inspection.GetFromJsonAsync<JsonElement>("_sandbox/requests", cancellationToken).ConfigureAwait(false));

    public void Dispose()
    {
        _affinityInspection.Dispose();
        _admin.Dispose();
        _tenant?.Dispose();
        _inspection.Dispose();
    }

    private static JobState State(JobResponse job) => new(
        Name(job.Status),
        job.StatusReason,
        job.TotalRecords,
        job.ProcessedRecords,
        job.FailedRecords,
        job.Status is JobStatus.Completed or JobStatus.CompletedWithErrors or JobStatus.Failed or JobStatus.Cancelled,
        [.. job.Phases.Select(phase => new PhaseState(
            Name(phase.Phase), Name(phase.Status), phase.RecordsRead, phase.RecordsWritten, phase.RecordsFailed, phase.RecordsSkipped))]);

    /// <summary>An enum value as the API writes it: <c>ListEntries</c> is <c>list_entries</c>.</summary>
    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

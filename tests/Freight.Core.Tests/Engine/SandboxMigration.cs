using System.Net.Http.Json;
using System.Text.Json;
using Freight.Connectors;
using Freight.Connectors.Affinity;
using Freight.Connectors.Attio;
using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Engine;
using Freight.Core.Jobs;
using Freight.Core.Logs;
using Freight.Core.RecordMaps;
using Freight.Core.Tests.Databases;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Dataset;
using Freight.Sandbox.Faults;
using Microsoft.Extensions.Logging.Abstractions;

namespace Freight.Core.Tests.Engine;

/// <summary>
/// Both simulators over one dataset, and a job that migrates it from the Affinity one into the Attio one
/// through the real connectors and the engine, on a test database.
/// </summary>
internal sealed class SandboxMigration : IAsyncDisposable
{
    private SandboxMigration(SandboxDataset data, AffinitySimulator affinity, AttioSimulator attio, TestDatabase db)
    {
        Data = data;
        Affinity = affinity;
        Attio = attio;
        Db = db;
        AttioClient = Client(attio.BaseAddress, attio.ApiKey);
        AffinityClient = Client(affinity.BaseAddress, affinity.ApiKey);
    }

    public SandboxDataset Data { get; }

    public AffinitySimulator Affinity { get; }

    public AttioSimulator Attio { get; }

    public TestDatabase Db { get; }

    /// <summary>A client of the Attio simulator with its key: for <c>/_sandbox</c>, and to change the target as a user would.</summary>
    public HttpClient AttioClient { get; }

    /// <summary>A client of the Affinity simulator with its key, for <c>/_sandbox</c>.</summary>
    public HttpClient AffinityClient { get; }

    /// <summary>
    /// The faults a migration must shrug off: on every route of both APIs 5 % 5xx, 2 % 429, 2 % connections cut
    /// (half before the endpoint ran, half after: a write done whose answer is lost), and 1–5 ms added latency.
    /// </summary>
    public static readonly FaultProfile TransientFaults = new()
    {
        ServerErrors = 0.05,
        RateLimits = 0.02,
        DroppedConnections = 0.02,
        Latency = TimeSpan.FromMilliseconds(1),
        LatencyJitter = TimeSpan.FromMilliseconds(4),
    };

    public static Task<SandboxMigration> StartAsync(TestDatabase db, int companies, FaultProfile? faults = null, int seed = 5) =>
        StartAsync(db, SandboxDataset.Generate(seed, companies), faults);

    public static async Task<SandboxMigration> StartAsync(TestDatabase db, SandboxDataset data, FaultProfile? faults = null)
    {
        var seed = data.Seed;
        var affinity = await AffinitySimulator.StartAsync(data, new AffinitySimulatorOptions
        {
            Speed = 1000,
            Faults = new FaultOptions { Seed = seed, Default = faults ?? FaultProfile.None },
        });
        var attio = await AttioSimulator.StartAsync(new AttioSimulatorOptions
        {
            Speed = 1000,
            Faults = new FaultOptions { Seed = seed + 1, Default = faults ?? FaultProfile.None },
            WorkspaceMembers = AttioSimulatorOptions.MembersFrom(data),
        });
        return new SandboxMigration(data, affinity, attio, db);
    }

    public JobRunner Runner(string workerId) => new(
        Db.Get<JobStore>(),
        Db.Get<JobQueue>(),
        Db.Get<BatchStore>(),
        Db.Get<RecordMapStore>(),
        Db.Get<JobLogStore>(),
        new ConnectorRegistry([AffinitySource.Descriptor, AttioTarget.Descriptor]),
        new EngineOptions
        {
            WorkerId = workerId,
            OutboundAllowlist = "127.0.0.1",
            HeartbeatInterval = TimeSpan.FromMilliseconds(100),
            LeaseDuration = TimeSpan.FromMinutes(5),
        },
        TimeProvider.System,
        NullLoggerFactory.Instance);

    public async Task<Job> CreateJobAsync(Guid tenantId, int batchSize = 100, bool dryRun = false)
    {
        var creation = await Db.Get<JobStore>().CreateAsync(new NewJob
        {
            TenantId = tenantId,
            SourceSystem = "affinity",
            TargetSystem = "attio",
            // The simulators run at Speed 1000; the connectors' own budgets follow, so tests are not paced at Attio's 25/s.
            SourceConfig = JsonSerializer.Serialize(new
            {
                api_key = Affinity.ApiKey,
                base_url = Affinity.BaseAddress.ToString().TrimEnd('/'),
                requests_per_minute = 100_000,
            }),
            TargetConfig = JsonSerializer.Serialize(new
            {
                api_key = Attio.ApiKey,
                base_url = Attio.BaseAddress.ToString().TrimEnd('/'),
                writes_per_second = 25_000,
                reads_per_second = 100_000,
            }),
            BatchSize = batchSize,
            DryRun = dryRun,
        });
        return creation.Job;
    }

    /// <summary>Claims the next job as <paramref name="workerId"/> and runs it to its end.</summary>
    public async Task<Job> RunNextAsync(string workerId = "worker-a")
    {
        var job = await Db.Get<JobQueue>().ClaimNextAsync(workerId, TimeSpan.FromMinutes(5))
            ?? throw new InvalidOperationException("No job to claim.");
        await Runner(workerId).RunAsync(job, CancellationToken.None);
        return (await Db.Get<JobStore>().FindAsync(job.TenantId, job.Id))!;
    }

    /// <summary>
    /// Claims the next job as <paramref name="workerId"/> and stops that worker, as a shutdown would, once the target
    /// has answered <paramref name="targetRequests"/> requests; the job is handed back unfinished.
    /// </summary>
    public async Task StopPartWayAsync(string workerId, int targetRequests)
    {
        using var stop = new CancellationTokenSource();
        await RunUntilAsync(workerId, targetRequests, () => stop.CancelAsync(), stop.Token);
    }

    /// <summary>Runs the next job and calls <paramref name="interrupt"/> once the target has answered <paramref name="targetRequests"/> requests.</summary>
    public async Task<Job> RunUntilAsync(string workerId, int targetRequests, Func<Task> interrupt, CancellationToken stopping)
    {
        var job = await Db.Get<JobQueue>().ClaimNextAsync(workerId, TimeSpan.FromMinutes(5), CancellationToken.None)
            ?? throw new InvalidOperationException("No job to claim.");
        var run = Runner(workerId).RunAsync(job, stopping);
        while (!run.IsCompleted && (await AttioClient.GetFromJsonAsync<JsonElement>("_sandbox/requests", CancellationToken.None)).GetProperty("total").GetInt64() < targetRequests)
        {
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None));
        }

        await interrupt();
        await run;
        return (await Db.Get<JobStore>().FindAsync(job.TenantId, job.Id, CancellationToken.None))!;
    }

    /// <summary>What the target holds, and which records failed with which code, for comparing two runs.</summary>
    public async Task<(string Counts, List<string> Failures)> OutcomeAsync(Job job) =>
        ((await CountsAsync()).GetRawText(), [.. (await FailuresAsync(job)).Select(f => $"{f.Entity} {f.SourceId} {f.ErrorCode}").Order(StringComparer.Ordinal)]);

    /// <summary>Every failed record of <paramref name="job"/>.</summary>
    public async Task<List<FailedRecord>> FailuresAsync(Job job)
    {
        var failures = new List<FailedRecord>();
        Page<FailedRecord> page;
        do
        {
            page = await Db.Get<FailedRecordStore>().ListAsync(job.TenantId, job.Id, null, failures.Count, 1000);
            failures.AddRange(page.Items);
        }
        while (page.HasMore);

        return failures;
    }

    private static HttpClient Client(Uri baseAddress, string apiKey)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public async Task<JsonElement> CountsAsync() => await AttioClient.GetFromJsonAsync<JsonElement>("_sandbox/counts");

    public async Task<JsonElement> DuplicatesAsync() => await AttioClient.GetFromJsonAsync<JsonElement>("_sandbox/duplicates");

    public async ValueTask DisposeAsync()
    {
        AttioClient.Dispose();
        AffinityClient.Dispose();
        await Affinity.DisposeAsync();
        await Attio.DisposeAsync();
    }
}

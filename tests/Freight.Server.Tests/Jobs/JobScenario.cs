using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Logs;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Server.Tests.Jobs;

/// <summary>
/// Jobs for the job routes' tests: a valid create body (credential check off, unless asked), and jobs put into a
/// state through Core's stores as a worker would (claimed, batches, failures, logs, finished).
/// </summary>
internal static class JobScenario
{
    public const string SourceSecret = "affinity-secret-4f2a9c";
    public const string TargetSecret = "attio-secret-9b1c7e";
    public const string Worker = "worker-test";

    public static Dictionary<string, object?> Body(bool verifyCredentials = false) => new()
    {
        ["source_system"] = "affinity",
        ["target_system"] = "attio",
        ["source_config"] = new Dictionary<string, object?> { ["api_key"] = SourceSecret },
        ["target_config"] = new Dictionary<string, object?> { ["api_key"] = TargetSecret },
        ["verify_credentials"] = verifyCredentials,
    };

    public static async Task<JsonElement> CreateAsync(HttpClient client, Dictionary<string, object?>? body = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/jobs", body ?? Body());
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    public static async Task<Guid> CreateIdAsync(HttpClient client) => (await CreateAsync(client)).GetProperty("id").GetGuid();

    /// <summary><c>GET /api/v1/jobs/{id}</c> with <c>If-None-Match</c>.</summary>
    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, Guid id, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request);
    }

    /// <summary>
    /// A job that ran and completed with errors: companies batch 1 written with one refused record (whose message is
    /// <paramref name="failureMessage"/>), batch 2 failed as a whole, and log entries at two levels.
    /// <paramref name="beforeFinish"/> runs while the job is running.
    /// </summary>
    public static async Task<Guid> CompletedWithErrorsAsync(
        ApiServer server, HttpClient client, Action? beforeFinish = null, string failureMessage = "The domain is taken.")
    {
        var jobId = await CreateIdAsync(client);
        var batches = server.Services.GetRequiredService<BatchStore>();
        var job = await server.Services.GetRequiredService<JobQueue>().ClaimNextAsync(Worker, TimeSpan.FromHours(1))
            ?? throw new InvalidOperationException("No job to claim.");
        Assert.Equal(jobId, job.Id);
        await batches.AppendAsync(jobId, Worker, Phase.Companies, new Core.Batches.SourcePage(
            [new NewBatch(3, Payload("c1", "c2", "c3")), new NewBatch(2, Payload("c4", "c5"))], null, IsLast: true));
        var first = (await batches.StartNextAsync(jobId, Worker, Phase.Companies))!;
        await batches.SucceedAsync(first, Worker, new BatchResult([new RecordFailure(
            "c2", FailureOrigin.Target, "uniqueness_conflict", failureMessage, Retryable: false, Payload: """{"id":"c2"}""")]));
        var second = (await batches.StartNextAsync(jobId, Worker, Phase.Companies))!;
        await batches.FailAsync(second, Worker, "Attio answered 500 three times.");
        await server.Services.GetRequiredService<JobLogStore>().AppendAsync(jobId,
        [
            new LogEntry(JobLogLevel.Info, "Companies started."),
            new LogEntry(JobLogLevel.Error, "Batch companies#2 failed.", Phase.Companies, second.Id),
        ]);
        beforeFinish?.Invoke();
        var fresh = (await server.Services.GetRequiredService<JobStore>().FindAsync(job.TenantId, jobId))!;
        fresh.Complete(withErrors: true, server.Time.GetUtcNow());
        Assert.True(await server.Services.GetRequiredService<JobQueue>().FinishAsync(fresh, Worker));
        return jobId;
    }

    // Opaque to the stores; only the worker reads a batch's payload.
    private static byte[] Payload(params string[] ids) => Encoding.UTF8.GetBytes(string.Join(',', ids));
}

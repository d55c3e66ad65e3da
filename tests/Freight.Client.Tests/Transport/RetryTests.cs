using System.Net;
using Freight.Client.Tests.Jobs;
using Freight.Http;
using Freight.TestUtils;

namespace Freight.Client.Tests.Transport;

/// <summary>Which calls Freight.Http retries for the SDK, against a scripted server and a virtual clock.</summary>
public sealed class RetryTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_job_creation_without_an_idempotency_key_is_not_retried()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json(JobJson(), 201));
        using var client = Client(server, new ManualTimeProvider());

        var result = await client.Jobs.CreateAsync(JobRequests.Valid()).WaitAsync(SafetyNet);

        Assert.Equal((false, HttpStatusCode.ServiceUnavailable), (result.IsSuccess, result.StatusCode));
        Assert.Equal(1, server.RequestCount);
        Assert.False(server.Requests[0].Headers.ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task A_job_creation_with_an_idempotency_key_is_retried_with_the_same_key()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json(JobJson(), 201));
        var time = new ManualTimeProvider();
        using var client = Client(server, time);

        var result = await time.RunAsync(client.Jobs.CreateAsync(JobRequests.Valid(), idempotencyKey: "import-1"));

        Assert.Equal((true, HttpStatusCode.Created), (result.IsSuccess, result.StatusCode));
        Assert.Equal(["import-1", "import-1"], server.Requests.Select(request => request.Headers["Idempotency-Key"]));
        Assert.Equal("""{"source_system":"affinity","target_system":"attio","source_config":{"api_key":"affinity-secret-4f2a9c"},"target_config":{"api_key":"attio-secret-9b1c7e"},"verify_credentials":false}""",
            server.Requests[0].Body);
    }

    [Fact]
    public async Task A_read_is_retried_on_transient_errors()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Status(502), ScriptedResponse.Json(JobJson()));
        var time = new ManualTimeProvider();
        using var client = Client(server, time);

        var result = await time.RunAsync(client.Jobs.GetAsync(Guid.Parse("019b76da-a800-7564-80c8-7059497c42fb")));

        Assert.True(result.IsSuccess);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task A_health_probe_is_not_retried_and_an_answer_without_a_report_is_a_failure()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503).WithText("<html>maintenance</html>", "text/html"));
        using var client = Client(server, new ManualTimeProvider());

        var result = await client.Health.GetAsync().WaitAsync(SafetyNet);

        var error = result.FreightError()!;
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "http", ApiErrorKind.Http, null), (error.StatusCode, error.Error, error.Kind, error.RequestId));
        Assert.Equal(1, server.RequestCount);
    }

    private static FreightClient Client(ScriptedServer server, ManualTimeProvider time) =>
        Sdk.Create(server.BaseAddress, apiKey: "frt_anything", time: time, http: options =>
        {
            // Only the backoff is under test: no timeout timer for the virtual clock to jump to.
            options.AttemptTimeout = Timeout.InfiniteTimeSpan;
            options.TotalTimeout = Timeout.InfiniteTimeSpan;
            options.Retry.Randomizer = () => 0.5;
        });

    private static string JobJson() => """
        {"id":"019b76da-a800-7564-80c8-7059497c42fb","status":"pending","status_reason":null,"source_system":"affinity",
         "target_system":"attio","batch_size":1000,"dry_run":false,"entities":["companies"],"total_records":0,
         "processed_records":0,"failed_records":0,"skipped_records":0,"phases":[],"created_at":"2026-01-01T00:00:00.000Z",
         "started_at":null,"completed_at":null,"updated_at":"2026-01-01T00:00:00.000Z",
         "links":{"self":"s","batches":"b","logs":"l","failures":"f","events":"e","cancel":"c","retry":"r"}}
        """;
}

using System.Net;
using Freight.Http;
using Freight.Server.Tests;

namespace Freight.Client.Tests.Jobs;

public sealed class JobCallTests
{
    [Fact]
    public async Task Create_answers_the_job_as_created()
    {
        await using var api = await TenantServer.StartAsync();

        var result = await api.Client.Jobs.CreateAsync(JobRequests.Valid());
        var job = result.Value;

        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        Assert.Equal((JobStatus.Pending, "affinity", "attio", 1000, false), (job.Status, job.SourceSystem, job.TargetSystem, job.BatchSize, job.DryRun));
        Assert.Equal([Phase.Companies, Phase.People, Phase.Deals, Phase.Notes, Phase.ListEntries], job.Entities);
        Assert.Equal($"/api/v1/jobs/{job.Id}/events", job.Links.Events);
        Assert.Equal(api.Server.Time.GetUtcNow(), job.CreatedAt);
    }

    [Fact]
    public async Task Create_sends_the_optional_settings_it_is_given()
    {
        await using var api = await TenantServer.StartAsync();

        var job = (await api.Client.Jobs.CreateAsync(JobRequests.Valid() with
        {
            BatchSize = 250,
            DryRun = true,
            Entities = [Phase.Companies, Phase.People],
            RetryPolicy = new RetryPolicyRequest(MaxAttempts: 2),
        })).Value;

        Assert.Equal((250, true), (job.BatchSize, job.DryRun));
        Assert.Equal([Phase.Companies, Phase.People], job.Entities);
    }

    [Fact]
    public async Task A_validation_failure_is_a_422_whose_details_name_each_bad_field()
    {
        await using var api = await TenantServer.StartAsync();

        var result = await api.Client.Jobs.CreateAsync(JobRequests.Valid() with { SourceSystem = " ", BatchSize = 5 });
        var error = result.FreightError()!;

        Assert.False(result.IsSuccess);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "validation_error"), (error.StatusCode, error.Error));
        Assert.Equal(
            [("source_system", "missing", "source_system is required."), ("batch_size", "out_of_range", "batch_size must be a whole number from 100 to 10000.")],
            error.Details.Select(detail => (detail.Field, detail.Type, detail.Message)));
        Assert.StartsWith("req_", error.RequestId, StringComparison.Ordinal);
        Assert.Equal(api.Server.Time.GetUtcNow(), error.Timestamp);
    }

    [Fact]
    public async Task A_replay_with_the_same_idempotency_key_returns_the_same_job()
    {
        await using var api = await TenantServer.StartAsync();

        var first = await api.Client.Jobs.CreateAsync(JobRequests.Valid(), idempotencyKey: "import-1");
        var replay = await api.Client.Jobs.CreateAsync(JobRequests.Valid(), idempotencyKey: "import-1");
        var other = await api.Client.Jobs.CreateAsync(JobRequests.Valid(), idempotencyKey: "import-2");

        Assert.Equal(Sdk.Json(first.Value), Sdk.Json(replay.Value));
        Assert.NotEqual(first.Value.Id, other.Value.Id);
        Assert.Equal(2, (await api.Client.Jobs.ListAsync()).Value.Total);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_a_422()
    {
        await using var api = await TenantServer.StartAsync();

        await api.Client.Jobs.CreateAsync(JobRequests.Valid(), idempotencyKey: "import-1");
        var reused = await api.Client.Jobs.CreateAsync(JobRequests.Valid() with { BatchSize = 500 }, idempotencyKey: "import-1");

        var error = reused.FreightError()!;
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "validation_error"), (error.StatusCode, error.Error));
        Assert.Equal("Idempotency-Key", error.Details.Single().Field);
    }

    [Fact]
    public async Task Get_reads_the_job_and_an_unknown_id_is_a_404_not_found()
    {
        await using var api = await TenantServer.StartAsync();
        var created = (await api.Client.Jobs.CreateAsync(JobRequests.Valid())).Value;
        var unknown = Guid.NewGuid();

        var read = await api.Client.Jobs.GetAsync(created.Id);
        var missing = await api.Client.Jobs.GetAsync(unknown);

        Assert.Equal(Sdk.Json(created), Sdk.Json(read.Value));
        var error = missing.FreightError()!;
        Assert.Equal((HttpStatusCode.NotFound, "not_found", $"No job {unknown}."), (error.StatusCode, error.Error, error.Message));
        Assert.Throws<ApiHttpException>(() => missing.Value);
    }

    [Fact]
    public async Task Another_tenants_job_is_not_found()
    {
        await using var api = await TenantServer.StartAsync();
        var (_, otherKey) = await api.Server.CreateTenantAsync("globex");
        using var other = Sdk.Tenant(api.Server, otherKey);
        var theirs = (await other.Jobs.CreateAsync(JobRequests.Valid())).Value;

        var result = await api.Client.Jobs.GetAsync(theirs.Id);

        Assert.Equal("not_found", result.FreightError()!.Error);
    }

    [Fact]
    public async Task A_conditional_get_with_the_current_etag_is_not_modified_and_a_change_reads_the_job_again()
    {
        await using var api = await TenantServer.StartAsync();
        var id = (await api.Client.Jobs.CreateAsync(JobRequests.Valid())).Value.Id;

        var first = (await api.Client.Jobs.GetAsync(id, etag: null)).Value;
        var same = await api.Client.Jobs.GetAsync(id, first.ETag);
        await api.Client.Jobs.CancelAsync(id);
        var changed = (await api.Client.Jobs.GetAsync(id, first.ETag)).Value;

        Assert.Equal(("\"1\"", false, JobStatus.Pending), (first.ETag, first.NotModified, first.Job!.Status));
        Assert.Equal((HttpStatusCode.NotModified, true, "\"1\""), (same.StatusCode, same.Value.NotModified, same.Value.ETag));
        Assert.Null(same.Value.Job);
        Assert.Equal(("\"2\"", JobStatus.Cancelled), (changed.ETag, changed.Job!.Status));
    }

    [Theory]
    [InlineData("frt_short", "Invalid API key format")]
    [InlineData("frt_abcdefgh0123456789012345678901234567890123", "Invalid API key")]
    public async Task A_bad_key_is_a_401_with_the_apis_message(string key, string message)
    {
        await using var server = await ApiServer.StartAsync();
        using var client = Sdk.Tenant(server, key);

        var result = await client.Jobs.ListAsync();

        var error = result.FreightError()!;
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthorized", message), (error.StatusCode, error.Error, error.Message));
    }

    [Fact]
    public async Task No_key_is_a_401_api_key_required()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = Sdk.Anonymous(server);

        var error = (await client.Jobs.GetAsync(Guid.NewGuid())).FreightError()!;

        Assert.Equal((HttpStatusCode.Unauthorized, "API key required"), (error.StatusCode, error.Message));
    }
}

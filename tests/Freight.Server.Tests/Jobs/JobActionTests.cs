using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Freight.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Server.Tests.Jobs;

public sealed class JobActionTests
{
    [Fact]
    public async Task A_job_read_carries_its_version_as_etag_and_a_matching_if_none_match_is_a_bodiless_304()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);

        using var first = await client.GetAsync($"/api/v1/jobs/{id}");
        var etag = first.Headers.ETag;
        using var same = await JobScenario.GetAsync(client, id, etag!.Tag);
        using var any = await JobScenario.GetAsync(client, id, "*");
        using var cancelled = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        using var changed = await JobScenario.GetAsync(client, id, etag.Tag);

        await first.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"1\"", etag.Tag);
        Assert.Equal((HttpStatusCode.NotModified, HttpStatusCode.NotModified), (same.StatusCode, any.StatusCode));
        Assert.Empty(await same.Content.ReadAsByteArrayAsync());
        Assert.Equal("\"1\"", same.Headers.ETag?.Tag);
        Assert.Equal("cancelled", (await changed.JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("\"2\"", changed.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Cancelling_a_pending_job_cancels_it_and_cancelling_a_finished_one_is_a_409()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);

        using var cancel = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);
        using var again = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);

        var body = await cancel.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("cancelled", "Cancelled before it started."), (body.GetProperty("status").GetString(), body.GetProperty("status_reason").GetString()));
        await again.AssertErrorAsync(HttpStatusCode.Conflict, "conflict", "The job is cancelled; only pending or running jobs can be cancelled.");
    }

    [Fact]
    public async Task Cancelling_a_running_job_makes_it_cancelling()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);
        await server.Services.GetRequiredService<JobQueue>().ClaimNextAsync(JobScenario.Worker, TimeSpan.FromHours(1));

        using var cancel = await client.PostAsync($"/api/v1/jobs/{id}/cancel", null);

        Assert.Equal("cancelling", (await cancel.JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Retrying_failed_records_only_requeues_the_failed_batch_and_the_refused_record()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CompletedWithErrorsAsync(server, client);

        using var retry = await client.PostAsync($"/api/v1/jobs/{id}/retry", null);
        using var again = await client.PostAsync($"/api/v1/jobs/{id}/retry", null);

        var body = await retry.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["batches_queued_for_retry", "job"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, body.GetProperty("batches_queued_for_retry").GetInt32());
        var job = body.GetProperty("job");
        Assert.Equal(("pending", 0L), (job.GetProperty("status").GetString(), job.GetProperty("failed_records").GetInt64()));
        await again.AssertErrorAsync(HttpStatusCode.Conflict, "conflict", "The job is pending; only failed or completed_with_errors jobs can be retried.");
        var failures = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}/failures");
        Assert.Equal(0, failures.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Retrying_everything_starts_the_job_over()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CompletedWithErrorsAsync(server, client);

        using var retry = await client.PostAsync($"/api/v1/jobs/{id}/retry?retry_failed_only=false", null);

        var body = await retry.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, body.GetProperty("batches_queued_for_retry").GetInt32());
        Assert.Equal((0L, 0L), (body.GetProperty("job").GetProperty("total_records").GetInt64(), body.GetProperty("job").GetProperty("processed_records").GetInt64()));
        var batches = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{id}/batches");
        Assert.Equal(0, batches.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("True")]
    [InlineData("")]
    public async Task A_retry_flag_other_than_true_or_false_is_a_422(string flag)
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);

        using var retry = await client.PostAsync($"/api/v1/jobs/{id}/retry?retry_failed_only={flag}", null);

        await retry.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error", "retry_failed_only must be true or false.");
    }

    [Fact]
    public async Task Retrying_a_pending_job_is_a_409()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);

        using var retry = await client.PostAsync($"/api/v1/jobs/{id}/retry?retry_failed_only=true", null);

        await retry.AssertErrorAsync(HttpStatusCode.Conflict, "conflict", "The job is pending; only failed or completed_with_errors jobs can be retried.");
    }
}

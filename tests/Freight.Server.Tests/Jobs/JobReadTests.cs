using System.Net;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Server.Tests.Jobs;

public sealed class JobReadTests
{
    [Fact]
    public async Task A_job_is_read_by_its_tenant_without_its_configs_and_is_404_to_another_tenant()
    {
        await using var server = await ApiServer.StartAsync();
        var (acme, acmeKey) = await server.CreateTenantAsync("acme");
        var (_, globexKey) = await server.CreateTenantAsync("globex");
        var job = (await server.Services.GetRequiredService<JobStore>().CreateAsync(new NewJob
        {
            TenantId = acme,
            SourceSystem = "affinity",
            TargetSystem = "attio",
            SourceConfig = """{"api_key":"affinity-secret-4f2a"}""",
            TargetConfig = """{"api_key":"attio-secret-9b1c"}""",
        })).Job;
        using var owner = server.Tenant(acmeKey);
        using var stranger = server.Tenant(globexKey);

        using var read = await owner.GetAsync($"/api/v1/jobs/{job.Id}");
        using var denied = await stranger.GetAsync($"/api/v1/jobs/{job.Id}");
        using var listed = await stranger.GetAsync("/api/v1/jobs");

        var body = await read.JsonAsync(HttpStatusCode.OK);
        var text = body.GetRawText();
        Assert.Equal((job.Id, "pending", "affinity", "attio"), (body.GetProperty("id").GetGuid(), body.GetProperty("status").GetString(),
            body.GetProperty("source_system").GetString(), body.GetProperty("target_system").GetString()));
        Assert.Equal(["companies", "people", "deals", "notes", "list_entries"], body.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("phase").GetString()).Skip(1));
        Assert.Equal($"/api/v1/jobs/{job.Id}", body.GetProperty("links").GetProperty("self").GetString());
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("config", text, StringComparison.Ordinal);
        await denied.AssertErrorAsync(HttpStatusCode.NotFound, "not_found", $"No job {job.Id}.");
        Assert.Equal(0, (await listed.JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_job_changed_by_another_process_is_read_afresh_with_a_new_etag()
    {
        await using var server = await ApiServer.StartAsync();
        var (acme, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CreateIdAsync(client);
        using var first = await client.GetAsync($"/api/v1/jobs/{id}");
        var etag = first.Headers.ETag!.Tag;
        using (var unchanged = await JobScenario.GetAsync(client, id, etag))
        {
            Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        }

        await using (var worker = server.AnotherProcess())
        {
            Assert.NotNull(await worker.GetRequiredService<JobStore>().RequestCancelAsync(acme, id));
        }

        using var changed = await JobScenario.GetAsync(client, id, etag);

        var body = await changed.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", (await first.JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_422_listing_the_statuses()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var response = await client.GetAsync("/api/v1/jobs?status=done");

        await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error",
            "status must be one of pending, running, cancelling, completed, completed_with_errors, failed, cancelled.");
    }
}

using System.Net;
using System.Net.Http.Json;
using Freight.Core.Idempotency;
using Microsoft.Extensions.DependencyInjection;

namespace Freight.Server.Tests.Jobs;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task A_replay_with_the_same_key_and_body_returns_the_same_status_and_body_and_creates_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var first = await PostAsync(client, "create-1", JobScenario.Body());
        server.Time.Advance(TimeSpan.FromHours(23));
        using var replay = await PostAsync(client, "create-1", JobScenario.Body());

        var firstBody = await first.Content.ReadAsStringAsync();
        var replayBody = await replay.Content.ReadAsStringAsync();
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, replay.StatusCode));
        Assert.Equal(firstBody, replayBody);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal("application/json; charset=utf-8", replay.Content.Headers.ContentType?.ToString());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await JobCreationTests.TotalAsync(client));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_and_creates_nothing()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        using var first = await PostAsync(client, "create-1", JobScenario.Body());
        var other = JobScenario.Body();
        other["batch_size"] = 500;

        using var reused = await PostAsync(client, "create-1", other);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var error = await reused.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error",
            "This Idempotency-Key was used with a different request body; use a new key for a new request.");
        Assert.Equal("Idempotency-Key", error.GetProperty("details")[0].GetProperty("field").GetString());
        Assert.Equal(1, await JobCreationTests.TotalAsync(client));
    }

    [Fact]
    public async Task Keys_are_per_tenant()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, acmeKey) = await server.CreateTenantAsync("acme");
        var (_, globexKey) = await server.CreateTenantAsync("globex");
        using var acme = server.Tenant(acmeKey);
        using var globex = server.Tenant(globexKey);

        using var first = await PostAsync(acme, "shared-key", JobScenario.Body());
        using var second = await PostAsync(globex, "shared-key", JobScenario.Body());

        var a = await first.JsonAsync(HttpStatusCode.Created);
        var b = await second.JsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_duplicate_of_a_request_still_in_progress_is_a_409()
    {
        await using var server = await ApiServer.StartAsync();
        var (tenant, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        // The first request with the key has begun and not finished.
        Assert.Null(await server.Services.GetRequiredService<IdempotencyStore>().BeginAsync(tenant, "in-flight", "hash-of-the-first"));

        using var duplicate = await PostAsync(client, "in-flight", JobScenario.Body());

        await duplicate.AssertErrorAsync(HttpStatusCode.Conflict, "conflict",
            "A request with this Idempotency-Key is still being handled; repeat it once that one has finished.");
        Assert.Equal(0, await JobCreationTests.TotalAsync(client));
    }

    [Fact]
    public async Task A_key_is_forgotten_after_a_day_but_its_job_still_answers_the_same_body()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        using var first = await PostAsync(client, "create-1", JobScenario.Body());
        var id = (await first.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        server.Time.Advance(TimeSpan.FromHours(25));
        var other = JobScenario.Body();
        other["dry_run"] = true;

        using var again = await PostAsync(client, "create-1", JobScenario.Body());
        using var reused = await PostAsync(client, "create-1", other);

        Assert.Equal(id, (await again.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        await reused.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error");
        Assert.Equal(1, await JobCreationTests.TotalAsync(client));
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_a_422()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var response = await PostAsync(client, new string('k', 256), JobScenario.Body());
        using var longest = await PostAsync(client, new string('k', 255), JobScenario.Body());

        var error = await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error",
            "Idempotency-Key must be one value of 1 to 255 characters.");
        Assert.Equal("Idempotency-Key", error.GetProperty("details")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        Assert.Equal(1, await JobCreationTests.TotalAsync(client));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, Dictionary<string, object?> body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}

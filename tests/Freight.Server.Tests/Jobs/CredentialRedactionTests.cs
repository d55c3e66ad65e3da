using System.Net;
using System.Net.Http.Json;

namespace Freight.Server.Tests.Jobs;

public sealed class CredentialRedactionTests
{
    [Fact]
    public async Task No_answer_of_any_route_contains_a_jobs_credentials()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var id = await JobScenario.CompletedWithErrorsAsync(server, client);
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = JsonContent.Create(JobScenario.Body()) };
        keyed.Headers.Add("Idempotency-Key", "k1");
        using var replayed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = JsonContent.Create(JobScenario.Body()) };
        replayed.Headers.Add("Idempotency-Key", "k1");
        var invalid = JobScenario.Body();
        invalid["batch_size"] = 1;

        var answers = new List<HttpResponseMessage>
        {
            await client.SendAsync(keyed),
            await client.SendAsync(replayed),
            await client.PostAsJsonAsync("/api/v1/jobs", invalid),
            await client.GetAsync("/api/v1/jobs"),
            await client.GetAsync($"/api/v1/jobs/{id}"),
            await client.GetAsync($"/api/v1/jobs/{id}/batches"),
            await client.GetAsync($"/api/v1/jobs/{id}/logs"),
            await client.GetAsync($"/api/v1/jobs/{id}/failures"),
            await client.GetAsync($"/api/v1/jobs/{id}/events"),
            await client.PostAsync($"/api/v1/jobs/{id}/retry", null),
            await client.PostAsync($"/api/v1/jobs/{id}/cancel", null),
            await client.GetAsync("/api/v1/stats"),
            await client.GetAsync("/api/v1/connectors"),
        };

        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK,
             HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            answers.Select(answer => answer.StatusCode));
        foreach (var answer in answers)
        {
            var text = await answer.Content.ReadAsStringAsync() + answer.Headers + answer.Content.Headers;
            Assert.DoesNotContain(JobScenario.SourceSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(JobScenario.TargetSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("_config\":", text, StringComparison.Ordinal);
            answer.Dispose();
        }
    }
}

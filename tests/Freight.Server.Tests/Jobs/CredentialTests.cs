using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Dataset;
using Freight.Server.Jobs;

namespace Freight.Server.Tests.Jobs;

public sealed class CredentialTests
{
    [Fact]
    public async Task Accepted_credentials_on_both_sides_create_the_job()
    {
        await using var systems = await Systems.StartAsync();
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:OutboundAllowlist"] = "127.0.0.1" });
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", systems.Body(systems.Affinity.ApiKey, systems.Attio.ApiKey));

        await response.JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_refused_target_key_is_a_400_naming_the_target_and_nothing_is_stored()
    {
        await using var systems = await Systems.StartAsync();
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:OutboundAllowlist"] = "127.0.0.1" });
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", systems.Body(systems.Affinity.ApiKey, "wrong-attio-key-5e1"));

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_credentials");
        var message = error.GetProperty("message").GetString()!;
        Assert.StartsWith("The target refused the credentials in target_config (", message, StringComparison.Ordinal);
        Assert.EndsWith("); fix target_config.api_key.", message, StringComparison.Ordinal);
        Assert.Equal("target_config.api_key", Assert.Single(JobCreationTests.Details(error)).Field);
        Assert.DoesNotContain("wrong-attio-key-5e1", error.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, await JobCreationTests.TotalAsync(client));
    }

    [Fact]
    public async Task Both_keys_refused_are_two_details_and_nothing_is_stored()
    {
        await using var systems = await Systems.StartAsync();
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:OutboundAllowlist"] = "127.0.0.1" });
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", systems.Body("wrong-affinity-key", "wrong-attio-key"));

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_credentials");
        Assert.StartsWith("Neither side's credentials passed their check. The source refused the credentials in source_config (",
            error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["source_config.api_key", "target_config.api_key"], JobCreationTests.Details(error).Select(d => d.Field));
        Assert.Equal(0, await JobCreationTests.TotalAsync(client));
    }

    [Fact]
    public async Task A_refused_key_with_an_idempotency_key_is_not_remembered_so_the_fixed_request_can_use_it()
    {
        await using var systems = await Systems.StartAsync();
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:OutboundAllowlist"] = "127.0.0.1" });
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var refused = await SendAsync(client, systems.Body("wrong-affinity-key", systems.Attio.ApiKey));
        // The connectors' client-side rate limits are paced by the server's clock.
        server.Time.Advance(TimeSpan.FromMinutes(1));
        using var fixedOne = await SendAsync(client, systems.Body(systems.Affinity.ApiKey, systems.Attio.ApiKey));

        await refused.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_credentials");
        await fixedOne.JsonAsync(HttpStatusCode.Created);

        static async Task<HttpResponseMessage> SendAsync(HttpClient client, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "create-once");
            return await client.SendAsync(request);
        }
    }

    [Fact]
    public async Task Systems_that_do_not_answer_in_time_are_a_400_naming_each_sides_base_url()
    {
        // Accepts connections and never answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var baseUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:OutboundAllowlist"] = "127.0.0.1" });
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var body = JobScenario.Body(verifyCredentials: true);
        body["source_config"] = new { api_key = JobScenario.SourceSecret, base_url = baseUrl };
        body["target_config"] = new { api_key = JobScenario.TargetSecret, base_url = baseUrl };

        var post = client.PostAsJsonAsync("/api/v1/jobs", body);
        await server.Time.WaitForPendingTimerAsync(due => due == CredentialChecks.Timeout);
        server.Time.Advance(CredentialChecks.Timeout);
        using var response = await post;

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_credentials");
        Assert.Equal(
            [("source_config.base_url", "The source's credentials could not be checked (no answer within 30 s); check source_config.base_url and that the system is reachable."),
             ("target_config.base_url", "The target's credentials could not be checked (no answer within 30 s); check target_config.base_url and that the system is reachable.")],
            JobCreationTests.Details(error));
        Assert.Equal(0, await JobCreationTests.TotalAsync(client));
    }

    /// <summary>Both simulators on loopback, over a small dataset.</summary>
    private sealed class Systems(AffinitySimulator affinity, AttioSimulator attio) : IAsyncDisposable
    {
        public AffinitySimulator Affinity { get; } = affinity;

        public AttioSimulator Attio { get; } = attio;

        public static async Task<Systems> StartAsync()
        {
            var data = SandboxDataset.Generate(3, 2);
            return new Systems(
                await AffinitySimulator.StartAsync(data, new AffinitySimulatorOptions()),
                await AttioSimulator.StartAsync(new AttioSimulatorOptions()));
        }

        public Dictionary<string, object?> Body(string affinityKey, string attioKey) => new()
        {
            ["source_system"] = "affinity",
            ["target_system"] = "attio",
            ["source_config"] = new { api_key = affinityKey, base_url = Affinity.BaseAddress.ToString().TrimEnd('/') },
            ["target_config"] = new { api_key = attioKey, base_url = Attio.BaseAddress.ToString().TrimEnd('/') },
        };

        public async ValueTask DisposeAsync()
        {
            await Affinity.DisposeAsync();
            await Attio.DisposeAsync();
        }
    }
}

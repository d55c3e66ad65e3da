using System.Net;
using System.Net.Http.Json;
using Freight.Sandbox.Affinity;
using Freight.Sandbox.Attio;
using Freight.Sandbox.Dataset;

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

        var error = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_credentials",
            "Neither the source's nor the target's credentials were accepted: fix source_config.api_key and target_config.api_key.");
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

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Freight.Server.Tests.Jobs;

public sealed class JobCreationTests
{
    [Fact]
    public async Task A_created_job_is_201_with_its_location_defaults_and_no_credentials()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", JobScenario.Body());

        var text = await response.Content.ReadAsStringAsync();
        var body = await response.JsonAsync(HttpStatusCode.Created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/jobs/{id}", response.Headers.Location?.ToString());
        Assert.Equal(("pending", "affinity", "attio", 1000, false), (body.GetProperty("status").GetString(), body.GetProperty("source_system").GetString(),
            body.GetProperty("target_system").GetString(), body.GetProperty("batch_size").GetInt32(), body.GetProperty("dry_run").GetBoolean()));
        Assert.Equal(["companies", "people", "deals", "notes", "list_entries"], body.GetProperty("entities").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain(JobScenario.SourceSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(JobScenario.TargetSecret, text, StringComparison.Ordinal);
        using var read = await client.GetAsync($"/api/v1/jobs/{id}");
        Assert.Equal(id, (await read.JsonAsync(HttpStatusCode.OK)).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Batch_size_entities_dry_run_and_retry_policy_are_taken_from_the_body()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var request = JobScenario.Body();
        request["batch_size"] = 250;
        request["entities"] = new[] { "notes", "companies" };
        request["dry_run"] = true;
        request["retry_policy"] = new { max_attempts = 5, initial_backoff_seconds = 1, max_backoff_seconds = 30 };

        var body = await JobScenario.CreateAsync(client, request);

        Assert.Equal((250, true), (body.GetProperty("batch_size").GetInt32(), body.GetProperty("dry_run").GetBoolean()));
        Assert.Equal(["companies", "notes"], body.GetProperty("entities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["schema", "companies", "notes"], body.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("phase").GetString()));
    }

    [Fact]
    public async Task Every_bad_field_is_one_detail_of_a_422_and_nothing_is_stored()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var request = new Dictionary<string, object?>
        {
            ["target_system"] = " ",
            ["source_config"] = "api_key=x",
            ["batch_size"] = 99,
            ["retry_policy"] = new { max_attempts = 11, initial_backoff_seconds = 5, max_backoff_seconds = 1 },
            ["entities"] = new[] { "companies", "schema" },
        };

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", request);

        var error = await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error", "8 fields are not valid.");
        Assert.Equal(
            ["source_system", "target_system", "source_config", "target_config", "batch_size", "retry_policy.max_attempts", "retry_policy.max_backoff_seconds", "entities"],
            error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()));
        Assert.Equal("batch_size must be a whole number from 100 to 10000.", error.GetProperty("details")[4].GetProperty("message").GetString());
        Assert.Equal(0, await TotalAsync(client));
    }

    [Fact]
    public async Task An_unknown_system_is_a_422_on_that_field()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var request = JobScenario.Body();
        request["source_system"] = "salesforce";
        request["target_system"] = "affinity";

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", request);

        var error = await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error");
        Assert.Equal(
            [("source_system", "source_system 'salesforce' is not a source Freight knows; known: affinity."),
             ("target_system", "target_system 'affinity' is not a target Freight knows; known: attio.")],
            Details(error));
    }

    [Fact]
    public async Task A_config_the_connector_refuses_is_a_422_naming_the_config_field()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var request = JobScenario.Body();
        request["source_config"] = new Dictionary<string, object?> { ["base_url"] = "ftp://api.affinity.co" };
        request["target_config"] = new Dictionary<string, object?> { ["api_key"] = JobScenario.TargetSecret, ["writes_per_second"] = 0 };

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", request);

        var error = await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error");
        var fields = Details(error).Select(d => d.Field).ToList();
        Assert.Equal(["source_config.api_key", "source_config.base_url", "target_config.writes_per_second"], fields.Order(StringComparer.Ordinal));
        Assert.Contains(("source_config.api_key", "source_config.api_key: is required: an Affinity API key."), Details(error));
        Assert.Equal(0, await TotalAsync(client));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://10.1.2.3")]
    [InlineData("http://192.168.0.10")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]:9000")]
    [InlineData("http://api.affinity.co")]
    [InlineData("https://user:pass@api.affinity.co")]
    public async Task A_base_url_outside_the_outbound_policy_is_refused(string baseUrl)
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var request = JobScenario.Body();
        request["source_config"] = new Dictionary<string, object?> { ["api_key"] = JobScenario.SourceSecret, ["base_url"] = baseUrl };

        using var response = await client.PostAsJsonAsync("/api/v1/jobs", request);

        var error = await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "validation_error");
        Assert.Equal("source_config.base_url", Assert.Single(Details(error)).Field);
        Assert.Equal(0, await TotalAsync(client));
    }

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:8080")]
    [InlineData("10.0.0.0/8", "http://10.1.2.3")]
    [InlineData("crm.internal", "http://crm.internal:9000")]
    public async Task An_allowlisted_base_url_is_accepted(string allowlist, string baseUrl)
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Freight:OutboundAllowlist"] = allowlist });
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);
        var request = JobScenario.Body();
        request["target_config"] = new Dictionary<string, object?> { ["api_key"] = JobScenario.TargetSecret, ["base_url"] = baseUrl };

        var body = await JobScenario.CreateAsync(client, request);

        Assert.Equal("pending", body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("{\"source_system\": ", "invalid_json")]
    [InlineData("{\"batch_size\": \"many\"}", "invalid_json")]
    [InlineData("{\"batch_size\": 1e400}", "invalid_json")]
    [InlineData("{\"batch_size\": 99999999999999999999}", "invalid_json")]
    [InlineData("[1,2,3]", "invalid_json")]
    [InlineData("{\"entities\": [null]}", "validation_error")]
    [InlineData("{\"retry_policy\": {\"initial_backoff_seconds\": -1}}", "validation_error")]
    [InlineData("null", "bad_request")]
    public async Task Hostile_bodies_get_a_4xx_in_the_error_shape(string json, string code)
    {
        await using var server = await ApiServer.StartAsync();
        var (_, key) = await server.CreateTenantAsync("acme");
        using var client = server.Tenant(key);

        using var response = await client.PostAsync("/api/v1/jobs", new StringContent(json, Encoding.UTF8, "application/json"));

        var status = code switch { "validation_error" => HttpStatusCode.UnprocessableEntity, _ => HttpStatusCode.BadRequest };
        await response.AssertErrorAsync(status, code);
        Assert.Equal(0, await TotalAsync(client));
    }

    internal static List<(string? Field, string? Message)> Details(JsonElement error) =>
        [.. error.GetProperty("details").EnumerateArray().Select(d => (d.GetProperty("field").GetString(), d.GetProperty("message").GetString()))];

    internal static async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs")).GetProperty("total").GetInt32();
}

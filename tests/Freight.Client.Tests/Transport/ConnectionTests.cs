using System.Net;
using System.Net.Sockets;
using Freight.Http;
using Freight.TestUtils;

namespace Freight.Client.Tests.Transport;

public sealed class ConnectionTests
{
    [Fact]
    public async Task A_base_address_with_a_path_keeps_it_and_keys_go_only_where_they_belong()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Json("""{"items":[],"total":0,"limit":100,"offset":0,"has_more":false}""");
        using var client = Sdk.Create(new Uri(server.BaseAddress, "freight"), apiKey: "frt_tenant", adminKey: "admin-secret");

        await client.Jobs.ListAsync(JobStatus.CompletedWithErrors, limit: 10, offset: 20);
        await client.Admin.ListTenantsAsync();

        var (jobs, tenants) = (server.Requests[0], server.Requests[1]);
        Assert.Equal(("/freight/api/v1/jobs", "?status=completed_with_errors&limit=10&offset=20"), (jobs.Path, jobs.QueryString));
        Assert.Equal(("frt_tenant", false), (jobs.Headers["X-API-Key"], jobs.Headers.ContainsKey("X-Admin-Key")));
        Assert.Equal("/freight/api/v1/admin/tenants", tenants.Path);
        Assert.Equal(("admin-secret", false), (tenants.Headers["X-Admin-Key"], tenants.Headers.ContainsKey("X-API-Key")));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_a_network_error_without_an_api_body()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = Sdk.Create(new Uri($"http://127.0.0.1:{port}"), apiKey: "frt_x", http: options => options.Retry.MaxAttempts = 1);

        var result = await client.Stats.GetAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var error = result.FreightError()!;
        Assert.Equal(("network", ApiErrorKind.Network, (HttpStatusCode?)null, (string?)null), (error.Error, error.Kind, error.StatusCode, error.RequestId));
        Assert.Empty(error.Details);
        Assert.Equal(result.Error!.Message, error.Message);
    }

    [Fact]
    public void A_client_without_a_base_address_is_refused()
    {
        var thrown = Assert.Throws<ArgumentException>(() => new FreightClient(new FreightClientOptions { ApiKey = "frt_x" }));

        Assert.StartsWith("FreightClientOptions.BaseAddress is required.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_given_by_the_caller_carries_the_calls_and_outlives_the_client()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Json("""{"status":"healthy"}""");
        using var handler = new SocketsHttpHandler();
        var client = new FreightClient(new FreightClientOptions { BaseAddress = server.BaseAddress, Handler = handler, TimeProvider = new ManualTimeProvider() });

        var live = await client.Health.LiveAsync();
        client.Dispose();
        using var after = new HttpClient(handler, disposeHandler: false);
        using var response = await after.GetAsync(new Uri(server.BaseAddress, "health/live"));

        Assert.Equal(HealthStatus.Healthy, live.Value.Status);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }
}

using Freight.Server.Tests;

namespace Freight.Client.Tests;

/// <summary>A test server with one tenant, and an SDK client holding the tenant's key.</summary>
internal sealed class TenantServer : IAsyncDisposable
{
    private TenantServer(ApiServer server, Guid tenantId, string apiKey)
    {
        Server = server;
        TenantId = tenantId;
        ApiKey = apiKey;
        Client = Sdk.Tenant(server, apiKey);
        Http = server.Tenant(apiKey);
    }

    public ApiServer Server { get; }

    public Guid TenantId { get; }

    public string ApiKey { get; }

    public FreightClient Client { get; }

    /// <summary>A plain HttpClient with the tenant's key, for the harness's scenarios.</summary>
    public HttpClient Http { get; }

    public static async Task<TenantServer> StartAsync(string slug = "acme")
    {
        var server = await ApiServer.StartAsync();
        var (id, key) = await server.CreateTenantAsync(slug);
        return new TenantServer(server, id, key);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

using System.Text.Json;
using Freight.Http;
using Freight.Server.Tests;
using Freight.TestUtils;

namespace Freight.Client.Tests;

/// <summary>SDK clients for a test server. Each has a clock of its own that nothing advances: no call may wait.</summary>
internal static class Sdk
{
    public static FreightClient Tenant(ApiServer server, string apiKey) => Create(server.BaseAddress, apiKey: apiKey);

    public static FreightClient Admin(ApiServer server, string adminKey = ApiServer.AdminKey) => Create(server.BaseAddress, adminKey: adminKey);

    public static FreightClient Anonymous(ApiServer server) => Create(server.BaseAddress);

    public static FreightClient Create(Uri baseAddress, string? apiKey = null, string? adminKey = null, TimeProvider? time = null, Action<ApiClientOptions>? http = null) =>
        new(new FreightClientOptions
        {
            BaseAddress = baseAddress,
            ApiKey = apiKey,
            AdminKey = adminKey,
            TimeProvider = time ?? new ManualTimeProvider(),
            ConfigureHttp = http,
            Name = $"freight-client-tests-{Guid.NewGuid():N}",
        });

    /// <summary>The record as the API's JSON, to compare records holding lists by value.</summary>
    public static string Json<T>(T value) => JsonSerializer.Serialize(value, FreightJson.Options);

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

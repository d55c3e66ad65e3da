using System.Text;
using System.Text.Json;

namespace Freight.Sandbox.Tests.Faults;

/// <summary>Calls to the <c>/_sandbox</c> endpoints of a running simulator.</summary>
internal static class SandboxCalls
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PutFaultsAsync(HttpClient client, string json)
    {
        var response = await client.PutAsync("_sandbox/faults", new StringContent(json, Encoding.UTF8, "application/json"));
        return (response, await BodyAsync(response));
    }

    public static Task ClearFaultsAsync(HttpClient client) => PutFaultsAsync(client, "{}");

    public static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await BodyAsync(response);
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Freight.Sandbox.Attio;

namespace Freight.Sandbox.Tests.Attio;

/// <summary>One Attio simulator and a client that sends its key; each test starts its own.</summary>
internal sealed class AttioHarness : IAsyncDisposable
{
    private AttioHarness(AttioSimulator simulator, HttpClient client)
    {
        Simulator = simulator;
        Client = client;
    }

    public AttioSimulator Simulator { get; }

    public HttpClient Client { get; }

    public static async Task<AttioHarness> StartAsync(AttioSimulatorOptions? options = null)
    {
        var simulator = await AttioSimulator.StartAsync(options);
        var client = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", simulator.ApiKey);
        return new AttioHarness(simulator, client);
    }

    public Task<Reply> GetAsync(string url) => SendAsync(HttpMethod.Get, url);

    public Task<Reply> PostAsync(string url, string json) => SendAsync(HttpMethod.Post, url, json);

    public Task<Reply> PutAsync(string url, string json) => SendAsync(HttpMethod.Put, url, json);

    public Task<Reply> PatchAsync(string url, string json) => SendAsync(HttpMethod.Patch, url, json);

    public Task<Reply> DeleteAsync(string url) => SendAsync(HttpMethod.Delete, url);

    public async Task<Reply> SendAsync(HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new Reply((int)response.StatusCode, body, response.Headers, text);
    }

    /// <summary>Creates a record and gives its id; fails the test when the simulator refuses it.</summary>
    public async Task<string> CreateAsync(string objectSlug, string valuesJson)
    {
        var reply = await PostAsync($"v2/objects/{objectSlug}/records", "{\"data\":{\"values\":" + valuesJson + "}}");
        Assert.True(reply.Status == 200, reply.Text);
        return reply.Data.GetProperty("id").GetProperty("record_id").GetString()!;
    }

    /// <summary>A record-reference value by record id.</summary>
    public static string Reference(string objectSlug, string recordId) =>
        "{\"target_object\":\"" + objectSlug + "\",\"target_record_id\":\"" + recordId + "\"}";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}

/// <summary>A response: status, parsed body and headers.</summary>
internal sealed record Reply(int Status, JsonElement Body, HttpResponseHeaders Headers, string Text)
{
    public JsonElement Data => Body.GetProperty("data");

    /// <summary>Asserts the exact Attio error body and gives its message.</summary>
    public string AssertError(int status, string code, string type = "invalid_request_error")
    {
        Assert.True(Status == status, $"expected {status} {code}, got {Status}: {Text}");
        Assert.Equal(status, Body.GetProperty("status_code").GetInt32());
        Assert.Equal(type, Body.GetProperty("type").GetString());
        Assert.Equal(code, Body.GetProperty("code").GetString());
        var message = Body.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    /// <summary>The values of one attribute of a record in <see cref="Data"/>.</summary>
    public List<JsonElement> Values(string slug) => [.. Data.GetProperty("values").GetProperty(slug).EnumerateArray()];
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Freight.Server.Tests;

/// <summary>Reads an answer that must be in the API's error shape, and checks the shape itself.</summary>
internal static class ErrorShape
{
    public static async Task<JsonElement> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string error, string? message = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["error", "message", "details", "request_id", "timestamp"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(error, json.GetProperty("error").GetString());
        if (message is not null)
        {
            Assert.Equal(message, json.GetProperty("message").GetString());
        }

        Assert.Equal(response.Headers.GetValues("X-Request-ID").Single(), json.GetProperty("request_id").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", json.GetProperty("timestamp").GetString());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return json;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {body}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

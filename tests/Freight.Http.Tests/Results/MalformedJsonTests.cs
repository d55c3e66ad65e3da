using System.Net;
using System.Text.Json;
using Freight.TestUtils;

namespace Freight.Http.Tests.Results;

public sealed class MalformedJsonTests
{
    [Theory]
    [InlineData("""{"id":1,"name":""")]
    [InlineData("""{"id":"seven","name":"Acme"}""")]
    [InlineData("""<html><body>Bad gateway</body></html>""")]
    [InlineData("""[{"id":1,"name":"Acme"}]""")]
    public async Task Body_that_is_not_the_expected_json_is_a_validation_error(string body)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json(body));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<Company>("companies/1");

        Assert.False(result.IsSuccess);
        Assert.Equal(ApiErrorKind.Validation, result.Error.Kind);
        Assert.Equal(HttpStatusCode.OK, result.Error.StatusCode);
        Assert.Contains("not valid JSON for Company", result.Error.Message, StringComparison.Ordinal);
        Assert.Single(result.Error.ValidationErrors);
        Assert.Equal(body, result.Error.Body);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Malformed_json_under_a_response_key_is_a_validation_error()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"data":{"id":1,"name":"Acme"}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.SendAsync<Company>(ApiRequest.Get("companies/1").WithResponseKey("data"));

        Assert.Equal(ApiErrorKind.Validation, result.Error?.Kind);
        Assert.Contains("not valid JSON", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_with_a_response_key_of_the_wrong_type_is_a_validation_error()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"data":"not an object"}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.SendAsync<Company>(ApiRequest.Get("companies/1").WithResponseKey("data"));

        Assert.Equal(ApiErrorKind.Validation, result.Error?.Kind);
        var thrown = Assert.Throws<ApiValidationException>(() => result.GetValueOrThrow());
        Assert.Same(result.Error, thrown.Error);
    }

    [Fact]
    public async Task Untyped_send_ignores_a_malformed_body()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("{not json"));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.SendAsync(ApiRequest.Get("companies/1"));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task Json_element_reads_any_well_formed_body()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"anything":[1,"two",null]}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.GetAsync<JsonElement>("raw");

        Assert.Equal("two", result.Value.GetProperty("anything")[1].GetString());
    }

    private sealed record Company(int Id, string Name);
}

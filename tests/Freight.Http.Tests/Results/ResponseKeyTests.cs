using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.Results;

public sealed class ResponseKeyTests
{
    [Fact]
    public async Task Data_key_is_unwrapped_before_deserializing()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"data":{"id":4,"name":"Globex"},"meta":{"request_id":"r1"}}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.SendAsync<Company>(ApiRequest.Get("companies/4").WithResponseKey("data"));

        Assert.Equal(new Company(4, "Globex"), result.Value);
    }

    [Fact]
    public async Task Nested_data_items_key_yields_the_list()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"data":{"items":[{"id":1,"name":"A"},{"id":2,"name":"B"}],"total":2}}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.SendAsync<List<Company>>(ApiRequest.Get("companies").WithResponseKey("data.items"));

        Assert.Equal([new Company(1, "A"), new Company(2, "B")], result.Value);
    }

    [Fact]
    public async Task Array_index_in_the_key_selects_one_element()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(
            ScriptedResponse.Json("""{"results":[{"id":1,"name":"A"},{"id":2,"name":"B"}]}"""),
            ScriptedResponse.Json("""{"results":[{"id":1,"name":"A"},{"id":2,"name":"B"}]}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var first = await client.SendAsync<Company>(ApiRequest.Get("search").WithResponseKey("results.0"));
        var secondName = await client.SendAsync<string>(ApiRequest.Get("search").WithResponseKey("results.1.name"));

        Assert.Equal(new Company(1, "A"), first.Value);
        Assert.Equal("B", secondName.Value);
    }

    [Theory]
    [InlineData("""{"data":{"total":0}}""", "data.items")]
    [InlineData("""{"meta":{}}""", "data")]
    [InlineData("""{"results":[{"id":1,"name":"A"}]}""", "results.3")]
    [InlineData("""{"results":{"0":"not an array"}}""", "results.0.id")]
    [InlineData("""[1,2,3]""", "data")]
    public async Task Missing_key_is_a_validation_error_naming_the_key(string body, string key)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json(body));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.SendAsync<Company>(ApiRequest.Get("companies").WithResponseKey(key));

        Assert.False(result.IsSuccess);
        Assert.Equal(ApiErrorKind.Validation, result.Error.Kind);
        Assert.Equal(HttpStatusCode.OK, result.Error.StatusCode);
        Assert.Contains($"'{key}'", result.Error.Message, StringComparison.Ordinal);
        var problem = Assert.Single(result.Error.ValidationErrors);
        Assert.Contains($"'{key}'", problem, StringComparison.Ordinal);
        var thrown = Assert.Throws<ApiValidationException>(() => result.Value);
        Assert.Same(result.Error, thrown.Error);
    }

    [Fact]
    public async Task Key_that_points_at_null_yields_a_null_value()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"data":null}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.SendAsync<Company>(ApiRequest.Get("companies/9").WithResponseKey("data"));

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value);
    }

    private sealed record Company(int Id, string Name);
}

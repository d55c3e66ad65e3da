using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.Results;

public sealed class TypedCallTests
{
    [Fact]
    public async Task Get_sends_query_and_headers_and_reads_the_json_body()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"id":7,"name":"Acme"}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var request = ApiRequest.Get("companies/7")
            .WithQuery("fields", "id,name")
            .WithQuery("q", "a b&c=d")
            .WithQuery("limit", 25)
            .WithHeader("X-Trace", "trace-1");
        var result = await client.SendAsync<Company>(request);

        Assert.True(result.IsSuccess);
        Assert.Equal(new Company(7, "Acme"), result.Value);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("GET", sent.Method);
        Assert.Equal("/companies/7", sent.Path);
        Assert.Equal("?fields=id%2Cname&q=a%20b%26c%3Dd&limit=25", sent.QueryString);
        Assert.Equal("trace-1", sent.Headers["X-Trace"]);
        Assert.Equal(string.Empty, sent.Body);
    }

    [Fact]
    public async Task Post_sends_the_value_as_camel_case_json()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"id":1,"name":"Acme"}""", status: 201));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.PostAsync<Company>("companies", new NewCompany("Acme", ["acme.io", "acme.com"]));

        Assert.Equal(new Company(1, "Acme"), result.Value);
        Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/companies", sent.Path);
        Assert.Equal("""{"name":"Acme","domains":["acme.io","acme.com"]}""", sent.Body);
        Assert.Equal("application/json; charset=utf-8", sent.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Put_sends_the_json_body_to_the_path()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"id":3,"name":"Renamed"}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.PutAsync<Company>("companies/3", new NewCompany("Renamed", []));

        Assert.Equal(new Company(3, "Renamed"), result.Value);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("PUT", sent.Method);
        Assert.Equal("/companies/3", sent.Path);
        Assert.Equal("""{"name":"Renamed","domains":[]}""", sent.Body);
        Assert.Equal("application/json; charset=utf-8", sent.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Patch_sends_only_the_given_fields()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"id":3,"name":"Patched"}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.PatchAsync<Company>("companies/3", new Dictionary<string, object> { ["name"] = "Patched" });

        Assert.Equal("Patched", result.Value.Name);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("PATCH", sent.Method);
        Assert.Equal("""{"name":"Patched"}""", sent.Body);
        Assert.Equal("application/json; charset=utf-8", sent.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Delete_succeeds_on_204_without_a_body()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(204));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.DeleteAsync("companies/3");

        Assert.True(result.IsSuccess);
        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        result.EnsureSuccess();
        var sent = Assert.Single(server.Requests);
        Assert.Equal("DELETE", sent.Method);
        Assert.Equal("/companies/3", sent.Path);
        Assert.False(sent.Headers.ContainsKey("Content-Type"));
    }

    [Fact]
    public async Task Typed_call_on_204_succeeds_with_the_default_value()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(204));
        using var client = ApiClient.Create(TestClients.Options(server));

        var result = await client.SendAsync<Company>(new ApiRequest(HttpMethod.Put, "companies/3/archive"));

        Assert.True(result.IsSuccess);
        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task Form_body_is_sent_url_encoded()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Json("""{"access_token":"t","expires_in":60}"""));
        using var client = ApiClient.Create(TestClients.Options(server));

        var request = new ApiRequest(HttpMethod.Post, "oauth/token").WithBody(RequestBody.Form(
        [
            new("grant_type", "client_credentials"),
            new("scope", "read write"),
            new("redirect", "https://a.example/?x=1&y=2"),
        ]));
        var result = await client.SendAsync<Dictionary<string, object>>(request);

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("application/x-www-form-urlencoded", sent.Headers["Content-Type"]);
        Assert.Equal("grant_type=client_credentials&scope=read+write&redirect=https%3A%2F%2Fa.example%2F%3Fx%3D1%26y%3D2", sent.Body);
    }

    [Fact]
    public async Task Default_headers_and_request_headers_are_both_sent()
    {
        await using var server = await ScriptedServer.StartAsync();
        var options = TestClients.Options(server);
        options.DefaultHeaders["X-Api-Version"] = "2024-01";
        using var client = ApiClient.Create(options);

        var result = await client.SendAsync(ApiRequest.Get("ping").WithHeader("X-Request-ID", "req-9"));

        Assert.True(result.IsSuccess);
        var sent = Assert.Single(server.Requests);
        Assert.Equal("2024-01", sent.Headers["X-Api-Version"]);
        Assert.Equal("req-9", sent.Headers["X-Request-ID"]);
    }

    private sealed record Company(int Id, string Name);

    private sealed record NewCompany(string Name, string[] Domains);
}

using System.Text;
using Freight.TestUtils;

namespace Freight.Http.Tests.Auth;

public sealed class StaticCredentialsTests
{
    [Fact]
    public async Task ApiKey_in_a_header_is_sent_under_its_name()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: ApiAuth.ApiKey("X-API-Key", "k-123")));

        Assert.True((await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")))).IsSuccess);

        var seen = server.Requests.Single();
        Assert.Equal("k-123", seen.Headers["X-API-Key"]);
        Assert.Equal(string.Empty, seen.QueryString);
    }

    [Fact]
    public async Task ApiKey_in_the_query_is_appended_after_the_request_query()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: ApiAuth.ApiKey("api_key", "k 1/2", ApiKeyLocation.Query)));

        Assert.True((await TestClients.Settled(client.SendAsync(ApiRequest.Get("items").WithQuery("page", 2)))).IsSuccess);
        Assert.True((await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")))).IsSuccess);

        Assert.Equal(["?page=2&api_key=k%201%2F2", "?api_key=k%201%2F2"], server.Requests.Select(r => r.QueryString));
        Assert.All(server.Requests, r => Assert.False(r.Headers.ContainsKey("api_key")));
    }

    [Fact]
    public async Task ApiKey_in_the_query_keeps_escaped_characters_of_the_request_query()
    {
        await using var server = await ScriptedServer.StartAsync();
        string? seenQuery = null;
        server.Map("/search", context =>
        {
            seenQuery = context.Request.Query["q"];
            return Task.CompletedTask;
        });
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: ApiAuth.ApiKey("api_key", "k", ApiKeyLocation.Query)));

        var result = await TestClients.Settled(client.SendAsync(ApiRequest.Get("search").WithQuery("q", "a+b&c=d #1")));

        Assert.True(result.IsSuccess);
        Assert.Equal("a+b&c=d #1", seenQuery);
    }

    [Fact]
    public async Task A_static_bearer_token_is_sent_on_every_call()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: ApiAuth.Bearer("abc.def")));

        await TestClients.Settled(client.SendAsync(ApiRequest.Get("a")));
        await TestClients.Settled(client.SendAsync(ApiRequest.Get("b")));

        Assert.Equal(["Bearer abc.def", "Bearer abc.def"], server.Requests.Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_bearer_token_provider_is_asked_for_every_attempt()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.Status(503), ScriptedResponse.Json("{}"));
        var time = new ManualTimeProvider();
        var asked = 0;
        var auth = ApiAuth.Bearer(_ => ValueTask.FromResult($"t{Interlocked.Increment(ref asked)}"));
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 2, breaker: false, auth: auth));

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("items")));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, asked);
        Assert.Equal(["Bearer t1", "Bearer t2"], server.Requests.Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Basic_credentials_are_sent_as_base64_of_user_colon_password()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: ApiAuth.Basic("Aladdin", "open sesame:é")));

        await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")));

        var header = server.Requests.Single().Headers["Authorization"];
        Assert.Equal("Basic QWxhZGRpbjpvcGVuIHNlc2FtZTrDqQ==", header);
        Assert.Equal("Aladdin:open sesame:é", Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])));
    }

    [Fact]
    public async Task A_401_with_static_credentials_is_returned_without_a_resend()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.DefaultResponse = ScriptedResponse.Status(401);
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: ApiAuth.Bearer("expired")));

        var result = await TestClients.Settled(client.SendAsync(ApiRequest.Get("items")));

        Assert.Equal(ApiErrorKind.Http, result.Error?.Kind);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, result.StatusCode);
        Assert.Equal(1, server.RequestCount);
    }
}

using System.Net;
using Freight.TestUtils;

namespace Freight.Http.Tests.Auth;

public sealed class OAuth2TokenEndpointFailureTests
{
    [Fact]
    public async Task A_token_endpoint_error_fails_the_call_with_its_status_and_body()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue("/oauth/token", ScriptedResponse.Json("""{"error":"invalid_client"}""", 400));
        var tokens = new TokenEndpoint(server);
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 3, breaker: false, auth: tokens.Auth()));

        var result = await time.RunAsync(client.GetAsync<Dictionary<string, string>>("api/things"));

        Assert.False(result.IsSuccess);
        Assert.Equal(ApiErrorKind.Http, result.Error.Kind);
        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.Equal("""{"error":"invalid_client"}""", result.Error.Body);
        Assert.IsType<ApiHttpException>(result.Error.ToException());
        Assert.Equal(["/oauth/token"], server.Requests.Select(r => r.Path));
        Assert.Equal(0, tokens.Issued);
    }

    [Theory]
    [InlineData("<html>login</html>", "text/html")]
    [InlineData("""{"token_type":"Bearer"}""", "application/json; charset=utf-8")]
    public async Task A_token_response_without_an_access_token_fails_the_call_as_invalid(string body, string contentType)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue("/oauth/token", ScriptedResponse.Status(200).WithText(body, contentType));
        var tokens = new TokenEndpoint(server);
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: tokens.Auth()));

        var result = await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));

        Assert.Equal(ApiErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(["/oauth/token"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_failed_token_request_is_tried_again_by_the_next_call()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue("/oauth/token", ScriptedResponse.Json("""{"error":"temporarily_unavailable"}""", 400));
        var tokens = new TokenEndpoint(server);
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: tokens.Auth()));

        var failed = await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));
        var recovered = await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));

        Assert.False(failed.IsSuccess);
        Assert.True(recovered.IsSuccess);
        Assert.Equal("Bearer token-1", server.Requests[^1].Headers["Authorization"]);
    }
}

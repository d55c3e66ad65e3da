using System.Net;
using Freight.TestUtils;
using Microsoft.AspNetCore.Http;

namespace Freight.Http.Tests.Auth;

public sealed class OAuth2UnauthorizedTests
{
    [Fact]
    public async Task A_401_refreshes_the_token_once_and_resends_with_the_new_one()
    {
        await using var server = await ScriptedServer.StartAsync();
        var tokens = new TokenEndpoint(server);
        server.Map("/api/things", context => Answer(context, rejected: "Bearer token-1"));
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: tokens.Auth()));

        var result = await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, tokens.Issued);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], ApiRequests(server).Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_persistent_401_is_refreshed_once_then_returned()
    {
        await using var server = await ScriptedServer.StartAsync();
        var tokens = new TokenEndpoint(server);
        server.DefaultResponse = ScriptedResponse.Json("""{"error":"unauthorized"}""", 401);
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time, maxAttempts: 4, breaker: false, auth: tokens.Auth()));

        var result = await time.RunAsync(client.SendAsync(ApiRequest.Get("api/things")));

        Assert.Equal(ApiErrorKind.Http, result.Error?.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, result.StatusCode);
        Assert.Equal("""{"error":"unauthorized"}""", result.Error!.Body);
        Assert.Equal(1, result.Error.Attempts);
        Assert.Equal(2, tokens.Issued);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], ApiRequests(server).Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Concurrent_401s_share_a_single_token_refresh()
    {
        await using var server = await ScriptedServer.StartAsync();
        var tokens = new TokenEndpoint(server);
        var release = new TaskCompletionSource();
        server.Map("/api/things", async context =>
        {
            if (context.Request.Headers.Authorization == "Bearer token-1")
            {
                // Hold every first attempt so all ten are in flight before any sees its 401.
                await release.Task;
            }

            await Answer(context, rejected: "Bearer token-1");
        });
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: tokens.Auth()));

        var calls = Enumerable.Range(0, 10).Select(_ => client.SendAsync(ApiRequest.Get("api/things"))).ToArray();
        await server.WaitForRequestsAsync(1 + 10);
        Assert.Equal(1, tokens.Issued);
        release.SetResult();
        var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(results, result => Assert.True(result.IsSuccess));
        Assert.Equal(2, tokens.Issued);
        var authorizations = ApiRequests(server).Select(r => r.Headers["Authorization"]).ToArray();
        Assert.Equal(20, authorizations.Length);
        Assert.Equal(10, authorizations.Count(a => a == "Bearer token-1"));
        Assert.Equal(10, authorizations.Count(a => a == "Bearer token-2"));
    }

    private static Task Answer(HttpContext context, string rejected)
    {
        var ok = context.Request.Headers.Authorization != rejected;
        context.Response.StatusCode = ok ? 200 : 401;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(ok ? "{}" : """{"error":"invalid_token"}""");
    }

    private static IEnumerable<RecordedRequest> ApiRequests(ScriptedServer server) =>
        OAuth2TokenCachingTests.ApiRequests(server);
}

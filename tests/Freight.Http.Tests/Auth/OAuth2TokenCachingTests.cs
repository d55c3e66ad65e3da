using Freight.TestUtils;

namespace Freight.Http.Tests.Auth;

public sealed class OAuth2TokenCachingTests
{
    [Fact]
    public async Task The_token_request_posts_the_client_credentials_grant()
    {
        await using var server = await ScriptedServer.StartAsync();
        var tokens = new TokenEndpoint(server);
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: tokens.Auth()));

        Assert.True((await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")))).IsSuccess);

        var tokenRequest = Assert.Single(tokens.Requests);
        Assert.Equal("POST", tokenRequest.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", tokenRequest.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("grant_type=client_credentials&client_id=freight&client_secret=s3cret&scope=read+write", tokenRequest.Body);
        Assert.Equal("Bearer token-1", ApiRequests(server).Single().Headers["Authorization"]);
    }

    [Fact]
    public async Task Sequential_and_concurrent_calls_share_one_token()
    {
        await using var server = await ScriptedServer.StartAsync();
        var tokens = new TokenEndpoint(server);
        using var client = ApiClient.Create(TestClients.Options(server, breaker: false, auth: tokens.Auth()));

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.SendAsync(ApiRequest.Get("api/things"))))
            .WaitAsync(TimeSpan.FromSeconds(10));
        var later = await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));

        Assert.All(concurrent, result => Assert.True(result.IsSuccess));
        Assert.True(later.IsSuccess);
        Assert.Equal(1, tokens.Issued);
        Assert.Equal(Enumerable.Repeat("Bearer token-1", 6), ApiRequests(server).Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_token_is_replaced_once_it_is_within_RefreshBeforeExpiry_of_expiring()
    {
        await using var server = await ScriptedServer.StartAsync();
        var tokens = new TokenEndpoint(server, expiresIn: 3600);
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time, breaker: false, auth: tokens.Auth()));

        await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));
        time.Advance(TimeSpan.FromSeconds(3539));
        await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));
        Assert.Equal(1, tokens.Issued);

        // 3541 s in: the token is still valid for 59 s, but inside the 60 s refresh margin.
        time.Advance(TimeSpan.FromSeconds(2));
        await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));
        await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));

        Assert.Equal(2, tokens.Issued);
        Assert.Equal(
            ["Bearer token-1", "Bearer token-1", "Bearer token-2", "Bearer token-2"],
            ApiRequests(server).Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_token_without_expires_in_lives_for_the_default_lifetime()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(TokenEndpoint.Path, ScriptedResponse.Json("""{"access_token":"no-expiry"}"""));
        var tokens = new TokenEndpoint(server);
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time, breaker: false, auth: ApiAuth.OAuth2ClientCredentials(new OAuth2Options
        {
            TokenEndpoint = new Uri(server.BaseAddress, TokenEndpoint.Path),
            DefaultLifetime = TimeSpan.FromMinutes(10),
            RefreshBeforeExpiry = TimeSpan.FromMinutes(1),
        })));

        await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));
        time.Advance(TimeSpan.FromMinutes(9) - TimeSpan.FromTicks(1));
        await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));
        time.Advance(TimeSpan.FromTicks(1));
        await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));

        Assert.Equal(
            ["Bearer no-expiry", "Bearer no-expiry", "Bearer token-1"],
            ApiRequests(server).Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_lifetime_sent_as_a_string_is_honoured()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(TokenEndpoint.Path, ScriptedResponse.Json("""{"access_token":"stringly","expires_in":"120"}"""));
        var tokens = new TokenEndpoint(server);
        var time = new ManualTimeProvider();
        using var client = ApiClient.Create(TestClients.Options(server, time, breaker: false, auth: tokens.Auth()));

        var first = await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));
        time.Advance(TimeSpan.FromSeconds(59));
        await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));
        time.Advance(TimeSpan.FromSeconds(1));
        await TestClients.Settled(client.SendAsync(ApiRequest.Get("api/things")));

        Assert.True(first.IsSuccess, first.Error?.ToString());
        Assert.Equal(
            ["Bearer stringly", "Bearer stringly", "Bearer token-1"],
            ApiRequests(server).Select(r => r.Headers["Authorization"]));
    }

    internal static IEnumerable<RecordedRequest> ApiRequests(ScriptedServer server) =>
        server.Requests.Where(r => r.Path != TokenEndpoint.Path);
}

using Freight.TestUtils;
using Microsoft.AspNetCore.Http;

namespace Freight.Http.Tests.Auth;

/// <summary>An OAuth2 token endpoint on a <see cref="ScriptedServer"/> that issues "token-1", "token-2", … and counts requests.</summary>
internal sealed class TokenEndpoint
{
    public const string Path = "/oauth/token";

    private readonly ScriptedServer _server;
    private readonly int _expiresIn;
    private int _issued;

    public TokenEndpoint(ScriptedServer server, int expiresIn = 3600)
    {
        _server = server;
        _expiresIn = expiresIn;
        server.Map(Path, IssueAsync);
    }

    /// <summary>How many tokens have been issued (one per token request).</summary>
    public int Issued => Volatile.Read(ref _issued);

    public IReadOnlyList<RecordedRequest> Requests => [.. _server.Requests.Where(r => r.Path == Path)];

    public ApiAuth Auth() => ApiAuth.OAuth2ClientCredentials(new OAuth2Options
    {
        TokenEndpoint = new Uri(_server.BaseAddress, Path),
        ClientId = "freight",
        ClientSecret = "s3cret",
        Scope = "read write",
    });

    private Task IssueAsync(HttpContext context)
    {
        var token = $"token-{Interlocked.Increment(ref _issued)}";
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":{{_expiresIn}}}""");
    }
}

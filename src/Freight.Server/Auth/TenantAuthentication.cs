using Freight.Core.Persistence.Changes;
using Freight.Core.Tenants;
using Freight.Server.Errors;

namespace Freight.Server.Auth;

/// <summary>
/// The tenant an authenticated request acts for, and the database's change stamp read as its key was checked
/// (see <see cref="Authentication.Stamp"/>).
/// </summary>
public sealed record Caller(Guid TenantId, Guid KeyId, ChangeStamp Stamp);

/// <summary>
/// The endpoint filter of every tenant route: <c>X-API-Key</c> must hold a live key. Missing → 401 "API key
/// required", not shaped like a key → 401 "Invalid API key format", unknown or revoked → 401 "Invalid API key".
/// </summary>
public static class TenantAuthentication
{
    public const string Header = "X-API-Key";

    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.Request.Headers[Header].ToString();
            var authentication = await http.RequestServices.GetRequiredService<ApiKeyStore>().AuthenticateAsync(key, http.RequestAborted);
            switch (authentication.Check)
            {
                case ApiKeyCheck.Valid:
                    http.Features.Set(new Caller(authentication.TenantId, authentication.KeyId, authentication.Stamp));
                    return await next(context);
                case ApiKeyCheck.Missing:
                    return Problems.Unauthorized("API key required");
                case ApiKeyCheck.Malformed:
                    return Problems.Unauthorized("Invalid API key format");
                default:
                    return Problems.Unauthorized("Invalid API key");
            }
        });
    }

    /// <summary>
    /// Whether the key this request authenticated with is still live (not revoked, its tenant still active), checked
    /// again now: for answers that outlive the check at their start, such as an event stream. Costs a read of the
    /// database's change stamp while nothing changed, and a read of the key's row after a change.
    /// </summary>
    public static async Task<bool> IsKeyStillValidAsync(this HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.Caller();
        var keys = context.RequestServices.GetRequiredService<ApiKeyStore>();
        var authentication = await keys.AuthenticateAsync(context.Request.Headers[Header].ToString(), cancellationToken);
        return authentication.Check == ApiKeyCheck.Valid && authentication.KeyId == caller.KeyId;
    }

    /// <summary>The caller of a request that passed <see cref="RequireApiKey"/>.</summary>
    public static Caller Caller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<Caller>() ?? throw new InvalidOperationException("The route does not require an API key.");
    }
}

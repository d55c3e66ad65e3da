using System.Security.Cryptography;
using System.Text;
using Freight.Server.Errors;
using Freight.Server.Hosting;

namespace Freight.Server.Auth;

/// <summary>
/// The endpoint filter of <c>/api/v1/admin</c>: <c>X-Admin-Key</c> must equal the operator's <c>FREIGHT_ADMIN_KEY</c>
/// (compared in constant time). Without one configured, the admin API is closed.
/// </summary>
public static class AdminAuthentication
{
    public const string Header = "X-Admin-Key";

    public static RouteGroupBuilder RequireAdminKey(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var configured = http.RequestServices.GetRequiredService<ServerSettings>().AdminKey;
            var sent = http.Request.Headers[Header].ToString();
            if (string.IsNullOrEmpty(configured))
            {
                return Problems.Unauthorized("The admin API is closed: the operator has not set FREIGHT_ADMIN_KEY");
            }

            if (sent.Length == 0)
            {
                return Problems.Unauthorized("Admin key required");
            }

            return CryptographicOperations.FixedTimeEquals(Hash(sent), Hash(configured))
                ? await next(context)
                : Problems.Unauthorized("Invalid admin key");
        });
    }

    // Hashing first makes the comparison's time independent of both lengths.
    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}

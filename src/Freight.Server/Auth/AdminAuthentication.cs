using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Freight.Server.Errors;
using Freight.Server.Hosting;

namespace Freight.Server.Auth;

/// <summary>
/// The endpoint filter of <c>/api/v1/admin</c>: <c>X-Admin-Key</c> must equal the operator's <c>FREIGHT_ADMIN_KEY</c>
/// (compared in constant time). Without one configured, the admin API is closed. Failed attempts are throttled per
/// client address (<see cref="AdminThrottle"/>): past the limit, 429 <c>rate_limited</c> with <c>Retry-After</c>.
/// </summary>
public static class AdminAuthentication
{
    public const string Header = "X-Admin-Key";

    public static IServiceCollection AddAdminAuthentication(this IServiceCollection services) =>
        services.AddSingleton(provider => new AdminThrottle(provider.GetRequiredService<TimeProvider>()));

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

            var throttle = http.RequestServices.GetRequiredService<AdminThrottle>();
            var address = http.Connection.RemoteIpAddress;
            if (throttle.Refusal(address) is { } wait)
            {
                var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return Problems.Status(
                    StatusCodes.Status429TooManyRequests,
                    ErrorCodes.RateLimited,
                    $"Too many failed admin key attempts from this address; retry in {seconds} s.");
            }

            if (sent.Length == 0)
            {
                throttle.Fail(address);
                return Problems.Unauthorized("Admin key required");
            }

            if (!CryptographicOperations.FixedTimeEquals(Hash(sent), Hash(configured)))
            {
                throttle.Fail(address);
                return Problems.Unauthorized("Invalid admin key");
            }

            return await next(context);
        });
    }

    // Hashing first makes the comparison's time independent of both lengths.
    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}

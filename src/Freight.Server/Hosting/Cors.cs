using Freight.Server.Auth;
using Freight.Server.RateLimits;

namespace Freight.Server.Hosting;

/// <summary>
/// CORS for browsers on the operator's origins (<see cref="ServerSettings.CorsOrigins"/>, <c>FREIGHT_CORS_ORIGINS</c>):
/// preflights from those origins are answered with the API's methods and request headers, and answers expose the
/// headers a client reads. Other origins get no CORS headers at all; with no origins configured CORS is off.
/// </summary>
public static class Cors
{
    public static readonly IReadOnlyList<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static readonly IReadOnlyList<string> RequestHeaders =
        [TenantAuthentication.Header, "Content-Type", "Idempotency-Key", "If-None-Match", RequestIds.Header];

    public static readonly IReadOnlyList<string> ExposedHeaders =
    [
        RequestIds.Header, RateLimiting.LimitHeader, RateLimiting.RemainingHeader, RateLimiting.ResetHeader, "ETag", "Location", "Retry-After",
    ];

    /// <summary>Browsers may cache a preflight answer this long.</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    /// <summary>The configured origins: <c>scheme://host[:port]</c> each, comma-separated; an ill-formed one is refused at start.</summary>
    public static IReadOnlyList<string> Origins(ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var origins = (settings.CorsOrigins ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.GetLeftPart(UriPartial.Authority) != origin)
            {
                throw new ArgumentException(
                    $"CorsOrigins: '{origin}' is not an origin such as https://app.example.com or http://localhost:3000.", nameof(settings));
            }
        }

        return origins;
    }

    public static IServiceCollection AddFreightCors(this IServiceCollection services, ServerSettings settings)
    {
        var origins = Origins(settings);
        return origins.Count == 0 ? services : services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins([.. origins])
            .WithMethods([.. Methods])
            .WithHeaders([.. RequestHeaders])
            .WithExposedHeaders([.. ExposedHeaders])
            .SetPreflightMaxAge(PreflightMaxAge)));
    }

    public static IApplicationBuilder UseFreightCors(this IApplicationBuilder app, ServerSettings settings) =>
        Origins(settings).Count == 0 ? app : app.UseCors();
}

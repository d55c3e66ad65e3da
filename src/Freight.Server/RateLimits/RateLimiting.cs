using System.Globalization;
using Freight.Server.Auth;
using Freight.Server.Errors;
using Freight.Server.Hosting;

namespace Freight.Server.RateLimits;

/// <summary>
/// The tenant routes' rate limits (<see cref="TenantRateLimiter"/>), as an endpoint filter that runs after
/// authentication. Every answer to an authenticated request carries <c>X-RateLimit-Limit</c>,
/// <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (Unix time in seconds) of the tightest window that
/// applies; over a limit the answer is 429 <c>rate_limited</c> with <c>Retry-After</c> in seconds.
/// </summary>
public static class RateLimiting
{
    public const string LimitHeader = "X-RateLimit-Limit";
    public const string RemainingHeader = "X-RateLimit-Remaining";
    public const string ResetHeader = "X-RateLimit-Reset";

    /// <summary>The route that creates jobs, which also counts against <see cref="ServerSettings.JobCreationsPerMinute"/>.</summary>
    public const string JobCreationRoute = FreightServer.ApiPrefix + "/jobs";

    public static IServiceCollection AddTenantRateLimits(this IServiceCollection services) => services.AddSingleton<TenantRateLimiter>();

    /// <summary>Limits every route of <paramref name="group"/>; add it after <see cref="TenantAuthentication.RequireApiKey"/>.</summary>
    public static RouteGroupBuilder RequireTenantRateLimits(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var limiter = http.RequestServices.GetRequiredService<TenantRateLimiter>();
            var decision = limiter.Acquire(http.Caller().TenantId, IsJobCreation(http));
            var seconds = Math.Max(1, (long)Math.Ceiling(decision.RetryAfter.TotalSeconds));

            // Set as the answer starts: an error answer (a 500) clears the headers set before it.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers[LimitHeader] = decision.Limit.ToString(CultureInfo.InvariantCulture);
                headers[RemainingHeader] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
                headers[ResetHeader] = decision.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                if (!decision.Allowed)
                {
                    headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                return Task.CompletedTask;
            });
            if (decision.Allowed)
            {
                return await next(context);
            }

            return Problems.Status(
                StatusCodes.Status429TooManyRequests,
                ErrorCodes.RateLimited,
                $"Rate limit of {decision.Limit} {decision.Window.Counts} exceeded; retry in {seconds} s.");
        });
    }

    /// <summary>Whether the request is <c>POST /api/v1/jobs</c>, judged by the matched route, not the raw path.</summary>
    internal static bool IsJobCreation(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint() is RouteEndpoint endpoint
        && string.Equals(endpoint.RoutePattern.RawText?.TrimEnd('/'), JobCreationRoute, StringComparison.OrdinalIgnoreCase);
}

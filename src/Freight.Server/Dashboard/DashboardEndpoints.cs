using System.Collections.Frozen;
using Microsoft.Net.Http.Headers;

namespace Freight.Server.Dashboard;

/// <summary>
/// The web dashboard at <c>/dashboard/</c>: static files from <see cref="DashboardAssets"/> that call the API from
/// the browser with the tenant's key. Endpoints only, so API requests pay nothing for it, and none of them in the
/// OpenAPI document. Each answer forbids inline script and style and any other origin (the page renders API data,
/// which tenants' source systems control), and is revalidated by ETag; <c>SecurityHeaders</c> adds the framing and
/// sniffing protection every page gets.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard/";

    /// <summary>Scripts, styles and calls from this origin only; no plugins, frames, forms elsewhere or base URL changes.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void MapDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = DashboardAssets.Load();
        app.MapGet("/", () => TypedResults.Redirect(Path)).ExcludeFromDescription();
        app.MapGet("/dashboard/{**file}", (string? file, HttpContext context) => Serve(assets, file, context)).ExcludeFromDescription();
    }

    private static IResult Serve(FrozenDictionary<string, DashboardAsset> assets, string? file, HttpContext context)
    {
        if (string.IsNullOrEmpty(file) && !context.Request.Path.Value!.EndsWith('/'))
        {
            // The page's relative links need the slash: /dashboard → /dashboard/.
            return TypedResults.Redirect(Path);
        }

        if (!assets.TryGetValue(string.IsNullOrEmpty(file) ? "index.html" : file, out var asset))
        {
            // Bodiless, so the error middleware answers in the API's shape like any unknown route.
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags)
            && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.Equals(asset.ETag, StringComparison.Ordinal)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}

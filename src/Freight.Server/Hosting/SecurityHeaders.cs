namespace Freight.Server.Hosting;

/// <summary>
/// Headers set on every answer as it starts, by its content type, so that no route can forget them: every answer
/// refuses MIME sniffing (<c>X-Content-Type-Options: nosniff</c>), and every HTML page refuses to be framed
/// (<c>X-Frame-Options: DENY</c>, and <c>frame-ancestors 'none'</c> in its Content-Security-Policy). The dashboard
/// sets its own policy, Swagger UI gets <see cref="SwaggerUiPolicy"/>, any other page <see cref="DefaultHtmlPolicy"/>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>An HTML page without a policy of its own: this origin only, no plugins, no framing.</summary>
    public const string DefaultHtmlPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Swagger UI's page: its scripts are files of this origin (nothing inline, no eval); its components set inline
    /// styles and its stylesheet embeds images as <c>data:</c> URIs; it reads the document and sends "Try it out"
    /// calls to this origin only.
    /// </summary>
    public const string SwaggerUiPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string NoFraming = "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            // On starting, not now: the content type is known only then, and a 500 clears the headers set before it.
            context.Response.OnStarting(static state => Apply((HttpResponse)state), context.Response);
            return next(context);
        });
    }

    /// <summary>Gives the answers of this branch of the pipeline <paramref name="policy"/> instead of the default.</summary>
    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app, string policy)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = policy;
            return next(context);
        });
    }

    private static Task Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (!IsHtml(response.ContentType))
        {
            return Task.CompletedTask;
        }

        headers.XFrameOptions = "DENY";
        var policy = headers.ContentSecurityPolicy.ToString();
        if (policy.Length == 0)
        {
            headers.ContentSecurityPolicy = DefaultHtmlPolicy;
        }
        else if (!policy.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = policy.TrimEnd(' ', ';') + "; " + NoFraming;
        }

        return Task.CompletedTask;
    }

    // "text/html", alone or with parameters ("text/html; charset=utf-8"); parsed by hand, as this runs on every answer.
    private static bool IsHtml(string? contentType) =>
        contentType is not null
        && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == 9 || contentType[9] is ';' or ' ');
}

using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Freight.Sandbox.Hosting;

/// <summary>
/// A request's route as faults and the request log key it: the method and the matched endpoint's route
/// template with parameters bare, e.g. <c>GET /v2/companies/{companyId}</c>, so every id shares one route.
/// <see cref="SandboxRoutes"/> hands out one instance per route, so counters key on the reference.
/// </summary>
internal sealed class SandboxRoute(string method, string template)
{
    public string Method { get; } = method;

    public string Template { get; } = template;

    public string Key { get; } = $"{method} {template}";

    public override string ToString() => Key;
}

/// <summary>Resolves and caches the <see cref="SandboxRoute"/> of each request, and reads route keys written by hand.</summary>
internal sealed class SandboxRoutes
{
    /// <summary>The template of requests no endpoint matched (unknown paths, wrong methods).</summary>
    public const string Unmatched = "(unmatched)";

    /// <summary>Prefix of the inspection endpoints, which are never faulted, authenticated, limited or logged.</summary>
    public static readonly PathString InspectionPrefix = new("/_sandbox");

    private static readonly string[] KnownMethods =
    [
        HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch,
        HttpMethods.Delete, HttpMethods.Options, HttpMethods.Trace, HttpMethods.Connect,
    ];

    // Keyed by endpoint and method: one entry per route the app maps, plus one per method for unmatched requests.
    private readonly ConcurrentDictionary<(RouteEndpoint? Endpoint, string Method), SandboxRoute> _cache = new();

    public static bool IsInspection(PathString path) => path.StartsWithSegments(InspectionPrefix, StringComparison.OrdinalIgnoreCase);

    public SandboxRoute Of(HttpContext context)
    {
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        var method = HttpMethods.GetCanonicalizedValue(context.Request.Method);
        if (Array.IndexOf(KnownMethods, method) < 0)
        {
            method = "OTHER";
        }

        return _cache.GetOrAdd((endpoint, method), static key =>
            new SandboxRoute(key.Method, key.Endpoint is null ? Unmatched : Template(key.Endpoint.RoutePattern)));
    }

    /// <summary>Every route key the app serves, inspection endpoints left out; set once its endpoints are mapped.</summary>
    public IReadOnlySet<string> Known { get; private set; } = new SortedSet<string>();

    /// <summary>Reads the route keys of the mapped endpoints into <see cref="Known"/>.</summary>
    public void Learn(IEnumerable<EndpointDataSource> sources)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in sources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>())
        {
            var template = Template(endpoint.RoutePattern);
            if (IsInspection(new PathString(template)) || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods)
            {
                continue;
            }

            foreach (var method in methods.HttpMethods)
            {
                keys.Add($"{method} {template}");
            }
        }

        Known = keys;
    }

    /// <summary>
    /// Reads a key such as <c>get /v2/companies/{companyId:long}</c> into its canonical form
    /// (<c>GET /v2/companies/{companyId}</c>); null with a reason when it is not "METHOD /path".
    /// </summary>
    public static string? Normalize(string key, out string? problem)
    {
        problem = null;
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var method = space > 0 ? HttpMethods.GetCanonicalizedValue(key[..space].ToUpperInvariant()) : "";
        var path = space > 0 ? key[(space + 1)..].Trim() : "";
        if (Array.IndexOf(KnownMethods, method) < 0 || !path.StartsWith('/'))
        {
            problem = $"route \"{key}\" is not \"METHOD /path\", e.g. \"GET /v2/companies/{{companyId}}\"";
            return null;
        }

        try
        {
            return $"{method} {Template(RoutePatternFactory.Parse(path))}";
        }
        catch (RoutePatternException error)
        {
            problem = $"route \"{key}\" has an invalid path template: {error.Message}";
            return null;
        }
    }

    private static string Template(RoutePattern pattern)
    {
        var text = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            text.Append('/');
            foreach (var part in segment.Parts)
            {
                _ = part switch
                {
                    RoutePatternLiteralPart literal => text.Append(literal.Content),
                    RoutePatternSeparatorPart separator => text.Append(separator.Content),
                    RoutePatternParameterPart parameter => text.Append('{').Append(parameter.Name).Append('}'),
                    _ => text,
                };
            }
        }

        return text.Length == 0 ? "/" : text.ToString();
    }
}

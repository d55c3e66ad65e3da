using System.CommandLine;
using Freight.Cli.Hosting;
using Freight.Client;

namespace Freight.Cli.Remote;

/// <summary>
/// Where the API is and which keys to send, for <c>tenants</c>, <c>keys</c> and <c>jobs</c>: <c>--url</c>,
/// <c>--api-key</c> and <c>--admin-key</c>, else <c>FREIGHT_URL</c>, <c>FREIGHT_API_KEY</c> and
/// <c>FREIGHT_ADMIN_KEY</c>, else the "Freight" section of appsettings.json (<c>Url</c>, <c>ApiKey</c>, <c>AdminKey</c>).
/// </summary>
internal sealed class ConnectionOptions
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public Option<string?> Url { get; } = new("--url")
    {
        Description = $"The Freight API's address. Default: FREIGHT_URL, else {DefaultUrl}.",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "The tenant's API key (X-API-Key). Default: FREIGHT_API_KEY.",
        Recursive = true,
    };

    public Option<string?> AdminKey { get; } = new("--admin-key")
    {
        Description = "The operator's admin key (X-Admin-Key). Default: FREIGHT_ADMIN_KEY.",
        Recursive = true,
    };

    /// <summary>Adds the options to <paramref name="group"/> and, being recursive, to its subcommands.</summary>
    public void AddTo(Command group, bool admin)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.Options.Add(Url);
        group.Options.Add(admin ? AdminKey : ApiKey);
        Url.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } url && !IsHttp(url))
            {
                result.AddError($"--url: '{url}' is not an http or https address.");
            }
        });
    }

    /// <summary>A client for the flags, variables and appsettings.json; throws <see cref="ArgumentException"/> for a bad FREIGHT_URL.</summary>
    public FreightClient Client(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var settings = CliSettings.Load();
        var url = parse.GetValue(Url) ?? settings.GetValueOrDefault("Url") ?? DefaultUrl;
        if (!IsHttp(url))
        {
            throw new ArgumentException($"FREIGHT_URL '{url}' is not an http or https address.");
        }

        return new FreightClient(new FreightClientOptions
        {
            BaseAddress = new Uri(url.TrimEnd('/') + "/"),
            ApiKey = Blank(parse.GetValue(ApiKey)) ?? Blank(settings.GetValueOrDefault("ApiKey")),
            AdminKey = Blank(parse.GetValue(AdminKey)) ?? Blank(settings.GetValueOrDefault("AdminKey")),
        });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool IsHttp(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}

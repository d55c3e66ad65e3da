using Freight.Core.Hosting;

namespace Freight.Server.Hosting;

/// <summary>
/// The REST API's own settings, read like <see cref="FreightSettings"/> from the <c>Freight</c> section of
/// <c>appsettings.json</c> and <c>FREIGHT_*</c> variables (<c>AdminKey</c> ← <c>FREIGHT_ADMIN_KEY</c>).
/// </summary>
public sealed record ServerSettings
{
    /// <summary>The <c>X-Admin-Key</c> that opens <c>/api/v1/admin</c>; without it the admin API refuses every request.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Origins allowed by CORS, comma-separated; none by default.</summary>
    public string? CorsOrigins { get; set; }

    /// <summary>Run the engine's worker in this process. Default: true.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Largest request body accepted, in bytes. Default: 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Requests per tenant per minute. Default: 100.</summary>
    public int RequestsPerMinute { get; set; } = 100;

    /// <summary>Requests per tenant per hour. Default: 1000.</summary>
    public int RequestsPerHour { get; set; } = 1000;

    /// <summary>Jobs a tenant may create per minute. Default: 10.</summary>
    public int JobCreationsPerMinute { get; set; } = 10;

    public static ServerSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(FreightSettings.Section).Get<ServerSettings>() ?? new ServerSettings();
        }
        catch (InvalidOperationException invalid)
        {
            throw new ArgumentException(invalid.Message, invalid);
        }
    }
}

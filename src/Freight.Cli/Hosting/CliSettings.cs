using Freight.Core.Hosting;
using Microsoft.Extensions.Configuration;

namespace Freight.Cli.Hosting;

/// <summary>The "Freight" settings by name (<c>Url</c>, <c>ApiKey</c>, <c>SourceKey</c>...), from appsettings.json and FREIGHT_* variables.</summary>
internal static class CliSettings
{
    public static IReadOnlyDictionary<string, string?> Section(IConfiguration configuration) =>
        configuration.GetSection(FreightSettings.Section).GetChildren()
            .ToDictionary(setting => setting.Key, setting => setting.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The settings of the working directory's appsettings.json and the environment, as the commands read them.</summary>
    public static IReadOnlyDictionary<string, string?> Load() => Section(CliHost.CreateBuilder(new Dictionary<string, string?>()).Configuration);
}

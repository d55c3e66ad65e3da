using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Freight.Server.Dashboard;

/// <summary>One file of the dashboard, read once from the assembly, with its Content-Type and a strong ETag of its bytes.</summary>
internal sealed record DashboardAsset(byte[] Content, string ContentType, string ETag);

/// <summary>
/// The dashboard's files, embedded in this assembly under <see cref="Prefix"/> (see the project file) so that the
/// packed tool and <c>dotnet run</c> serve the same files without a content root.
/// </summary>
internal static class DashboardAssets
{
    private const string Prefix = "Freight.Dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every file by its path under <c>/dashboard/</c>, such as <c>index.html</c> or <c>js/api.js</c>.</summary>
    public static FrozenDictionary<string, DashboardAsset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var path = name[Prefix.Length..].Replace('\\', '/');
            var contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(path))
                ?? throw new InvalidOperationException($"The dashboard file {path} has no known Content-Type.");
            var content = Read(assembly, name);
            assets[path] = new DashboardAsset(content, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

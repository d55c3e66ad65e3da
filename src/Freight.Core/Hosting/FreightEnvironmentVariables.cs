using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Freight.Core.Hosting;

/// <summary>
/// Environment variables <c>FREIGHT_SOME_NAME</c> as the setting <c>Freight:SomeName</c> (a double underscore
/// nests: <c>FREIGHT_A__B_C</c> is <c>Freight:A:BC</c>), so the documented names map onto <see cref="FreightSettings"/>.
/// </summary>
public sealed class FreightEnvironmentVariables : ConfigurationProvider, IConfigurationSource
{
    private const string Prefix = "FREIGHT_";
    private readonly IDictionary _variables;

    public FreightEnvironmentVariables()
        : this(Environment.GetEnvironmentVariables())
    {
    }

    /// <summary>Reads <paramref name="variables"/> instead of the process's environment.</summary>
    public FreightEnvironmentVariables(IDictionary variables) => _variables = variables;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry variable in _variables)
        {
            if (variable.Key is string name && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && name.Length > Prefix.Length)
            {
                data[Key(name[Prefix.Length..])] = variable.Value as string;
            }
        }

        Data = data;
    }

    /// <summary><c>LEASE_DURATION</c> → <c>Freight:LeaseDuration</c>.</summary>
    internal static string Key(string name) =>
        string.Join(ConfigurationPath.KeyDelimiter, [FreightSettings.Section, .. name.Split("__").Select(Pascal)]);

    private static string Pascal(string snake) => string.Concat(snake
        .Split('_', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => char.ToUpperInvariant(word[0]) + word[1..].ToLower(CultureInfo.InvariantCulture)));
}

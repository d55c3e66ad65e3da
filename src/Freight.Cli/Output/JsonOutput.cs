using System.Text.Json;
using System.Text.Json.Serialization;

namespace Freight.Cli.Output;

/// <summary><c>--json</c>: the data as the API names it (snake_case), indented, on standard output only.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly JsonSerializerOptions OneLine = new(Options) { WriteIndented = false };

    /// <summary>Writes <paramref name="value"/> as one JSON document.</summary>
    public static void Write<T>(Terminal terminal, T value)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        terminal.Output.WriteLine(JsonSerializer.Serialize(value, Options));
    }

    /// <summary>Writes <paramref name="value"/> as one line of JSON (a stream of events, one per line).</summary>
    public static void WriteLine<T>(Terminal terminal, T value)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        terminal.Output.WriteLine(JsonSerializer.Serialize(value, OneLine));
    }
}

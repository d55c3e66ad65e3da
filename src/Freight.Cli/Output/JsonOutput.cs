using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Freight.Client;

namespace Freight.Cli.Output;

/// <summary><c>--json</c>: the data as the API names it (snake_case, as the SDK reads it), on standard output only.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions OneLine = new(FreightJson.Options) { Converters = { new UtcTimes() } };
    private static readonly JsonSerializerOptions Indented = new(OneLine) { WriteIndented = true };

    /// <summary>The <c>--json</c> flag of a command that prints data.</summary>
    public static Option<bool> Flag() => new("--json") { Description = "Print JSON (as the API names things) instead of a table; nothing else goes to standard output." };

    /// <summary>Writes <paramref name="value"/> as one indented JSON document.</summary>
    public static void Write<T>(Terminal terminal, T value)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        terminal.Output.WriteLine(JsonSerializer.Serialize(value, Indented));
    }

    /// <summary>Writes <paramref name="value"/> as one line of JSON (a stream of events, one per line).</summary>
    public static void WriteLine<T>(Terminal terminal, T value)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        terminal.Output.WriteLine(JsonSerializer.Serialize(value, OneLine));
    }

    /// <summary>Times as the API writes them: UTC with a Z, to the millisecond.</summary>
    private sealed class UtcTimes : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}

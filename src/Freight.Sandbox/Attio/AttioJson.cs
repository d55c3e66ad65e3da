using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary>Attio's wire conventions: snake_case names and nanosecond UTC timestamps.</summary>
internal static class AttioJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Accents and symbols travel unescaped, as Attio sends them (characters beyond the BMP stay escaped).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A timestamp as Attio writes it: <c>2024-05-01T12:00:00.000000000Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'00Z'", CultureInfo.InvariantCulture);

    public static string Timestamp(long utcTicks) => Timestamp(new DateTimeOffset(utcTicks, TimeSpan.Zero));
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Freight.Sandbox.Attio;

/// <summary>
/// The ISO 8601 forms Attio coerces for dates and timestamps: "2023", "2023-01", "2023-01-02",
/// "2023-01-02T13:00", seconds, up to nine fractional digits and an optional zone (UTC when absent).
/// </summary>
internal static partial class IsoTime
{
    public static bool TryParse(string text, out DateTimeOffset utc)
    {
        utc = default;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int Part(int group, int fallback) =>
            match.Groups[group].Success ? int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture) : fallback;

        var fraction = match.Groups[7].Success ? match.Groups[7].Value.PadRight(7, '0')[..7] : "0";
        var offset = TimeSpan.Zero;
        if (match.Groups[8].Success && match.Groups[8].Value != "Z")
        {
            var zone = match.Groups[8].Value.Replace(":", "", StringComparison.Ordinal);
            offset = new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[3..5], CultureInfo.InvariantCulture), 0);
            offset = zone[0] == '-' ? -offset : offset;
        }

        try
        {
            var local = new DateTime(Part(1, 1), Part(2, 1), Part(3, 1), Part(4, 0), Part(5, 0), Part(6, 0), DateTimeKind.Unspecified)
                .AddTicks(long.Parse(fraction, CultureInfo.InvariantCulture));
            utc = new DateTimeOffset(local, offset).ToUniversalTime();
            return true;
        }
        catch (ArgumentException)
        {
            return false; // month 13, hour 25, offset beyond ±14 h and the like
        }
    }

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex Pattern();
}

using System.Globalization;
using System.Text.Json;

namespace Freight.Cli.Output;

/// <summary>Values as tables show them: enums in the API's snake_case, times in UTC to the second.</summary>
internal static class Names
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}

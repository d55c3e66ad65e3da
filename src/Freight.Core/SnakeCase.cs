using System.Collections.Frozen;
using System.Text.Json;

namespace Freight.Core;

/// <summary>
/// snake_case names, the same as the REST API's JSON (<see cref="JsonNamingPolicy.SnakeCaseLower"/>): table and
/// column names, and enum values as stored ("completed_with_errors").
/// </summary>
public static class SnakeCase
{
    public static string Convert(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByValue[value];

    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByName.TryGetValue(name, out var value)
            ? value
            : throw new FormatException($"'{name}' is not a {typeof(TEnum).Name} value.");

    public static bool TryParse<TEnum>(string name, out TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByName.TryGetValue(name, out value);

    /// <summary>Every value's name, in declaration order: "pending, running, …".</summary>
    public static string List<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(value => Names<TEnum>.ByValue[value]));

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(value => value, value => Convert(value.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByName =
            ByValue.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }
}

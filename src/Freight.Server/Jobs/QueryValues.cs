using Freight.Core;
using Freight.Server.Shared;

namespace Freight.Server.Jobs;

/// <summary>Query-string values of the job routes: an enum filter in snake_case, and a true/false flag.</summary>
internal static class QueryValues
{
    /// <summary>The value named by <paramref name="raw"/>, null when absent, or a detail listing the values.</summary>
    public static TEnum? Filter<TEnum>(this Validation validation, string field, string? raw)
        where TEnum : struct, Enum
    {
        if (raw is null)
        {
            return null;
        }

        if (SnakeCase.TryParse<TEnum>(raw, out var value))
        {
            return value;
        }

        validation.Add(field, "invalid", $"{field} must be one of {SnakeCase.List<TEnum>()}.");
        return null;
    }

    /// <summary><c>true</c> or <c>false</c>; <paramref name="fallback"/> when absent.</summary>
    public static bool Flag(this Validation validation, string field, string? raw, bool fallback)
    {
        switch (raw)
        {
            case null:
                return fallback;
            case "true":
                return true;
            case "false":
                return false;
            default:
                validation.Add(field, "invalid", $"{field} must be true or false.");
                return fallback;
        }
    }
}

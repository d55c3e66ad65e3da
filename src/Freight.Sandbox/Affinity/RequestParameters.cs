using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Affinity;

/// <summary>
/// Path ids and query parameters checked against the constraints the v2 spec declares for them
/// (int64 ids from 1, integer arrays, booleans); a violation is 400 <c>validation</c> naming the parameter (A3).
/// </summary>
internal static class RequestParameters
{
    /// <summary>A path id such as <c>companyId</c>: an integer from 1 to <paramref name="max"/> (int64; note ids are int32).</summary>
    public static bool TryReadId(
        string? text, string param, out long id, [NotNullWhen(false)] out AffinityErrors? error, long max = long.MaxValue)
    {
        error = null;
        if (TryParseId(text, out id) && id <= max)
        {
            return true;
        }

        error = Invalid(param, $"{param} must be an integer from 1 to {max}.");
        return false;
    }

    /// <summary>The <c>ids=</c> filter (repeated): distinct ids, ascending; null when absent.</summary>
    public static bool TryReadIds(HttpRequest request, out SortedSet<long>? ids, [NotNullWhen(false)] out AffinityErrors? error)
    {
        ids = null;
        error = null;
        var values = request.Query["ids"];
        if (values.Count == 0)
        {
            return true;
        }

        ids = [];
        foreach (var text in values)
        {
            if (!TryParseId(text, out var id))
            {
                ids = null;
                error = Invalid("ids", $"ids must be integers from 1 to {long.MaxValue}.");
                return false;
            }

            ids.Add(id);
        }

        return true;
    }

    /// <summary>The <c>totalCount</c> flag of the notes endpoints: true or false, default false.</summary>
    public static bool TryReadTotalCount(HttpRequest request, out bool totalCount, [NotNullWhen(false)] out AffinityErrors? error)
    {
        totalCount = false;
        error = null;
        var values = request.Query["totalCount"];
        if (values.Count == 0)
        {
            return true;
        }

        if (values.Count == 1 && values[0] is "true" or "false")
        {
            totalCount = values[0] == "true";
            return true;
        }

        error = Invalid("totalCount", "totalCount must be true or false.");
        return false;
    }

    /// <summary>
    /// The notes endpoints' <c>filter=</c> is not simulated: it is refused rather than ignored, so a client
    /// never takes every note for the filtered ones.
    /// </summary>
    public static bool TryRefuseFilter(HttpRequest request, [NotNullWhen(false)] out AffinityErrors? error)
    {
        error = request.Query.ContainsKey("filter")
            ? Invalid("filter", "filter is not supported by the Freight sandbox; page through the notes without it.")
            : null;
        return error is null;
    }

    public static AffinityErrors Invalid(string param, string message) => AffinityErrors.Of("validation", message, param);

    private static bool TryParseId(string? text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id >= 1;
}

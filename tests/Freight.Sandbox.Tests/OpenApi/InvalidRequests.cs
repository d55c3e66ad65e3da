using System.Globalization;
using System.Text.Json;

namespace Freight.Sandbox.Tests.OpenApi;

/// <summary>A request that breaks one constraint of one parameter: the answer must be a 400 naming it.</summary>
internal sealed record InvalidRequest(string SpecPath, string Url, string Param, string Why);

/// <summary>
/// Derives invalid requests from an OpenAPI document: for each parameter of a GET operation, values
/// that break its declared type, minimum, maximum, enum or uniqueItems, one parameter at a time, the
/// others valid. Path parameters take the valid values given; query parameters are otherwise left out.
/// </summary>
internal static class InvalidRequests
{
    // Past every int64: what a spec's 9223372036854775807 maximum (a double in JSON) bounds.
    private const string PastInt64 = "9223372036854775808";

    public static List<InvalidRequest> For(OpenApiShapeChecker spec, string specPath, IReadOnlyDictionary<string, string> validPathValues)
    {
        var requests = new List<InvalidRequest>();
        var parameters = spec.Parameters(specPath).ToList();
        foreach (var parameter in parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var schema = spec.Resolve(parameter.GetProperty("schema"));
            var inPath = parameter.GetProperty("in").GetString() == "path";
            foreach (var (value, why) in Violations(spec, schema))
            {
                var path = Fill(specPath, validPathValues, inPath ? (name, value) : null);
                var url = inPath ? path : $"{path}?{Query(name, value)}";
                requests.Add(new InvalidRequest(specPath, url.TrimStart('/'), name, why));
            }
        }

        return requests;
    }

    /// <summary>The spec path with its parameters filled in, <paramref name="replaced"/> taking its given value.</summary>
    public static string Fill(string specPath, IReadOnlyDictionary<string, string> values, (string Name, string Value)? replaced = null)
    {
        var path = specPath;
        if (replaced is { } invalid)
        {
            path = path.Replace("{" + invalid.Name + "}", Uri.EscapeDataString(invalid.Value), StringComparison.Ordinal);
        }

        foreach (var (name, value) in values)
        {
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    // An array value is a list of repeated parameters; the first item stands for the whole value.
    private static string Query(string name, string value) =>
        string.Join("&", value.Split('\u001f').Select(item => $"{name}={Uri.EscapeDataString(item)}"));

    private static IEnumerable<(string Value, string Why)> Violations(OpenApiShapeChecker spec, JsonElement schema)
    {
        var type = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "integer":
                yield return ("abc", "not an integer");
                yield return ("1.5", "not an integer");
                if (schema.TryGetProperty("minimum", out var minimum))
                {
                    yield return (Text(minimum.GetDecimal() - 1), "below minimum");
                }

                if (schema.TryGetProperty("maximum", out var maximum))
                {
                    yield return (maximum.GetDecimal() >= long.MaxValue ? PastInt64 : Text(maximum.GetDecimal() + 1), "above maximum");
                }

                break;
            case "boolean":
                yield return ("yes", "not a boolean");
                break;
            case "string" when schema.TryGetProperty("enum", out _):
                yield return ("not-a-value", "outside the enum");
                break;
            case "array":
                var items = spec.Resolve(schema.GetProperty("items"));
                foreach (var (value, why) in Violations(spec, items))
                {
                    yield return (value, "an item " + why);
                }

                if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True
                    && items.TryGetProperty("enum", out var values))
                {
                    var first = values[0].GetString()!;
                    yield return ($"{first}\u001f{first}", "repeated item");
                }

                break;
        }
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

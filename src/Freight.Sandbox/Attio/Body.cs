using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Attio;

/// <summary>
/// Reads request bodies and query strings by hand, so every malformed input, wrong JSON type or missing property
/// becomes a 400 <c>validation_type</c> in Attio's shape rather than a framework error.
/// </summary>
internal static class Body
{
    public static async Task<JsonDocument> ReadAsync(HttpRequest request)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw Fail.Type($"The request body is not valid JSON: {e.Message}");
        }
        catch (BadHttpRequestException e)
        {
            throw new AttioException(new(e.StatusCode, "invalid_request_error", "validation_type", e.Message));
        }
    }

    /// <summary>The body's <c>data</c> object; <paramref name="allowed"/>, when given, lists the only properties it may have.</summary>
    public static JsonElement Data(JsonDocument body, params string[] allowed)
    {
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail.Type("The request body must be a JSON object.");
        }

        var data = Object(root, "data", []);
        if (allowed.Length > 0)
        {
            OnlyKeys(data, ["data"], allowed);
        }

        return data;
    }

    public static JsonElement Object(JsonElement parent, string name, string[] at) =>
        Property(parent, name, at, JsonValueKind.Object, "object");

    public static string String(JsonElement parent, string name, string[] at) =>
        Property(parent, name, at, JsonValueKind.String, "string").GetString()!;

    public static bool Bool(JsonElement parent, string name, string[] at)
    {
        var value = Required(parent, name, at);
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw Fail.Type($"\"{name}\" must be a boolean.", [.. at, name]);
    }

    /// <summary>A property that must be present and may be null.</summary>
    public static string? NullableString(JsonElement parent, string name, string[] at)
    {
        var value = Required(parent, name, at);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => throw Fail.Type($"\"{name}\" must be a string or null.", [.. at, name]),
        };
    }

    public static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? value : null;

    public static void OnlyKeys(JsonElement element, string[] at, params string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw Fail.Validation($"Unrecognized key \"{property.Name}\" in {string.Join('.', at)}.", [.. at, property.Name]);
            }
        }
    }

    public static JsonElement Required(JsonElement parent, string name, string[] at) =>
        parent.TryGetProperty(name, out var value) ? value : throw Fail.Type($"\"{name}\" is required.", [.. at, name]);

    private static JsonElement Property(JsonElement parent, string name, string[] at, JsonValueKind kind, string expected)
    {
        var value = Required(parent, name, at);
        return value.ValueKind == kind ? value : throw Fail.Type($"\"{name}\" must be {(expected == "object" ? "an" : "a")} {expected}.", [.. at, name]);
    }

    /// <summary>An integer query parameter within [min, max], or its default when absent.</summary>
    public static int QueryInt(HttpRequest request, string name, int fallback, int min = 0, int max = int.MaxValue)
    {
        var values = request.Query[name];
        if (values.Count == 0)
        {
            return fallback;
        }

        return values.Count == 1 && int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number >= min && number <= max
            ? number
            : throw Fail.Type($"Query parameter \"{name}\" must be an integer from {min} to {max}.", name);
    }

    public static bool QueryBool(HttpRequest request, string name)
    {
        var values = request.Query[name];
        return values.Count == 0 ? false
            : values.Count == 1 && bool.TryParse(values[0], out var flag) ? flag
            : throw Fail.Type($"Query parameter \"{name}\" must be true or false.", name);
    }
}

using System.Text.Json;

namespace Freight.Sandbox.Tests.OpenApi;

/// <summary>
/// Checks a JSON value against an OpenAPI schema as far as shapes go: required properties, no
/// properties beyond <c>additionalProperties: false</c>, JSON kinds of typed values, and arrays'
/// items, following <c>$ref</c>, <c>allOf</c>, <c>anyOf</c> and (discriminated) <c>oneOf</c>. Enough to catch a drifting wire shape.
/// </summary>
internal sealed class OpenApiShapeChecker(JsonElement document)
{
    public JsonElement ResponseSchema(string path, int status = 200, string method = "get") =>
        ResponseSchema(path, status.ToString(System.Globalization.CultureInfo.InvariantCulture), method);

    /// <summary>The schema of a response by its key in the document, such as <c>"404"</c> or <c>"default"</c>.</summary>
    public JsonElement ResponseSchema(string path, string status, string method = "get")
    {
        var response = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);
        return Resolve(response).GetProperty("content").GetProperty("application/json").GetProperty("schema");
    }

    /// <summary>The operation's parameters (its own and its path's), with <c>$ref</c>s resolved.</summary>
    public IEnumerable<JsonElement> Parameters(string path, string method = "get")
    {
        var item = document.GetProperty("paths").GetProperty(path);
        IEnumerable<JsonElement> shared = item.TryGetProperty("parameters", out var common) ? common.EnumerateArray() : [];
        IEnumerable<JsonElement> own = item.GetProperty(method).TryGetProperty("parameters", out var list) ? list.EnumerateArray() : [];
        return [.. shared.Concat(own).Select(Resolve)];
    }

    /// <summary>The JSON schema of an operation's request body.</summary>
    public JsonElement RequestSchema(string path, string method) =>
        Resolve(document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("requestBody"))
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

    public List<string> Check(JsonElement schema, JsonElement value, string at = "$")
    {
        var problems = new List<string>();
        Walk(Resolve(schema), value, at, problems);
        return problems;
    }

    private void Walk(JsonElement schema, JsonElement value, string at, List<string> problems, bool partOfAllOf = false)
    {
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            // Each part declares only some properties, so none of them may reject the others' as extra.
            foreach (var part in allOf.EnumerateArray())
            {
                Walk(Resolve(part), value, at, problems, partOfAllOf: true);
            }

            partOfAllOf = true;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!AllowsNull(schema))
            {
                problems.Add($"{at}: null is not allowed");
            }

            return;
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            if (Discriminated(schema, value) is { } chosen)
            {
                Walk(chosen, value, at, problems);
            }
            else if (!oneOf.EnumerateArray().Any(option => Check(option, value, at).Count == 0))
            {
                problems.Add($"{at}: matches no oneOf option");
            }

            return;
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var options = anyOf.EnumerateArray().Where(option => !IsNullType(option)).ToList();
            if (options.Count > 0 && !options.Any(option => Check(option, value, at).Count == 0))
            {
                problems.Add($"{at}: matches no anyOf option");
            }

            return;
        }

        if (TypeOf(schema) is { } type && !KindMatches(type, value.ValueKind))
        {
            problems.Add($"{at}: expected {type}, got {value.ValueKind}");
            return;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        problems.Add($"{at}.{name}: required but missing");
                    }
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    Walk(Resolve(propertySchema), property.Value, $"{at}.{property.Name}", problems);
                }
                else if (!partOfAllOf
                    && schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False)
                {
                    problems.Add($"{at}.{property.Name}: not in the schema");
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Walk(Resolve(items), item, $"{at}[{index++}]", problems);
            }
        }
    }

    private JsonElement? Discriminated(JsonElement schema, JsonElement value)
    {
        if (!schema.TryGetProperty("discriminator", out var discriminator) || value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var key = discriminator.GetProperty("propertyName").GetString()!;
        return value.TryGetProperty(key, out var tag) && tag.ValueKind == JsonValueKind.String
            && discriminator.GetProperty("mapping").TryGetProperty(tag.GetString()!, out var reference)
            ? Lookup(reference.GetString()!)
            : null;
    }

    /// <summary>Follows a <c>$ref</c> (repeatedly) to the element it names.</summary>
    public JsonElement Resolve(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? Resolve(Lookup(reference.GetString()!)) : schema;

    private JsonElement Lookup(string reference)
    {
        var node = document;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            node = node.GetProperty(part);
        }

        return node;
    }

    private static bool AllowsNull(JsonElement schema) =>
        (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
            && type.EnumerateArray().Any(t => t.GetString() == "null"))
        || (schema.TryGetProperty("enum", out var values) && values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null))
        || NullOption(schema, "anyOf")
        || NullOption(schema, "oneOf");

    // `{"oneOf": [{"$ref": ...}, {"type": "null"}]}` is how the specs make an object nullable.
    private static bool NullOption(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var options)
        && options.EnumerateArray().Any(option => option.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null");

    private static bool IsNullType(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        return type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null");
    }

    private static bool KindMatches(string type, JsonValueKind kind) => type switch
    {
        "object" => kind == JsonValueKind.Object,
        "array" => kind == JsonValueKind.Array,
        "string" => kind == JsonValueKind.String,
        "integer" or "number" => kind == JsonValueKind.Number,
        "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
        _ => true,
    };
}

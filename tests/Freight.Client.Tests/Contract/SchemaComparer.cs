using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Freight.Client.Tests.Contract;

/// <summary>
/// Compares a schema of <c>api/openapi.json</c> with the SDK type that reads it, recursively: every property of an
/// object schema must be a JSON property of the record, and every value of an enum schema a value of the enum.
/// Returns one line per difference.
/// </summary>
internal sealed class SchemaComparer(JsonObject document)
{
    private readonly JsonObject _schemas = document["components"]!["schemas"]!.AsObject();
    private readonly HashSet<(string, Type)> _seen = [];

    public List<string> Problems { get; } = [];

    public void Compare(JsonNode schema, Type type, string where)
    {
        var (resolved, name) = Resolve(schema);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!_seen.Add((name ?? where, type)))
        {
            return;
        }

        if (resolved["enum"] is JsonArray values)
        {
            CompareEnum(values, type, where);
        }
        else if (resolved["properties"] is JsonObject properties)
        {
            CompareObject(properties, type, $"{where} ({name ?? "inline"})");
        }
        else if (resolved["items"] is { } items)
        {
            Compare(items, ElementOf(type, where) ?? typeof(object), where + "[]");
        }
        else if (resolved["additionalProperties"] is JsonObject valueSchema && DictionaryValueOf(type) is { } valueType)
        {
            Compare(valueSchema, valueType, where + "{}");
        }
    }

    private void CompareObject(JsonObject properties, Type type, string where)
    {
        var info = FreightJson.Options.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            Problems.Add($"{where}: the schema is an object, {type.Name} is not.");
            return;
        }

        var sdk = info.Properties.ToDictionary(property => property.Name, property => property.PropertyType);
        foreach (var (name, propertySchema) in properties)
        {
            if (!sdk.TryGetValue(name, out var propertyType))
            {
                Problems.Add($"{where}: {type.Name} has no property \"{name}\".");
                continue;
            }

            Compare(propertySchema!, propertyType, $"{where}.{name}");
        }
    }

    private void CompareEnum(JsonArray values, Type type, string where)
    {
        if (!type.IsEnum)
        {
            return;
        }

        var contract = values.Select(value => value!.GetValue<string>()).Order(StringComparer.Ordinal);
        var sdk = Enum.GetNames(type).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName).Order(StringComparer.Ordinal);
        if (!contract.SequenceEqual(sdk))
        {
            Problems.Add($"{where}: {type.Name} is [{string.Join(", ", sdk)}], the contract [{string.Join(", ", contract)}].");
        }
    }

    /// <summary>Follows <c>$ref</c> and a nullable <c>oneOf</c> to the schema that says what the value is.</summary>
    private (JsonObject Schema, string? Name) Resolve(JsonNode schema)
    {
        var node = schema.AsObject();
        if (node["oneOf"] is JsonArray choices && choices.FirstOrDefault(choice => choice!["type"]?.ToString() != "null") is { } choice)
        {
            return Resolve(choice);
        }

        if (node["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            return (_schemas[name]!.AsObject(), name);
        }

        return (node, null);
    }

    private Type? ElementOf(Type type, string where)
    {
        var element = type.IsArray ? type.GetElementType() : Enumerable(type)?.GetGenericArguments()[0];
        if (element is null)
        {
            Problems.Add($"{where}: the schema is an array, {type.Name} is not a list.");
        }

        return element;
    }

    private static Type? Enumerable(Type type) =>
        new[] { type }.Concat(type.GetInterfaces()).FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>));

    private static Type? DictionaryValueOf(Type type) =>
        new[] { type }.Concat(type.GetInterfaces())
            .FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            ?.GetGenericArguments()[1];
}

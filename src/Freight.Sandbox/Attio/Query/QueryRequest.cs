using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary>The body of a records or entries query: <c>{filter, sorts, limit (500), offset (0)}</c>, all optional (B6, B7).</summary>
internal sealed record QueryRequest(JsonElement? Filter, JsonElement? Sorts, int Limit, int Offset)
{
    public const int DefaultLimit = 500;

    public static QueryRequest Parse(JsonDocument body)
    {
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail.Type("The request body must be a JSON object.");
        }

        var filter = Body.Optional(root, "filter");
        if (filter is { ValueKind: not JsonValueKind.Object })
        {
            throw Fail.Type("\"filter\" must be an object.", "filter");
        }

        var sorts = Body.Optional(root, "sorts");
        if (sorts is { ValueKind: not JsonValueKind.Array })
        {
            throw Fail.Type("\"sorts\" must be an array.", "sorts");
        }

        return new(filter, sorts, Count(root, "limit", DefaultLimit), Count(root, "offset", 0));
    }

    private static int Count(JsonElement root, string name, int fallback)
    {
        if (Body.Optional(root, name) is not { } value)
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0
            ? count
            : throw Fail.Type($"\"{name}\" must be a non-negative integer.", name);
    }
}

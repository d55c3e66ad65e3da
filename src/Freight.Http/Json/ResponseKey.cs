using System.Globalization;
using System.Text.Json;

namespace Freight.Http;

/// <summary>Finds a nested value by a dotted key such as <c>"data.items"</c> or <c>"results.0.id"</c>.</summary>
internal static class ResponseKey
{
    public static bool TryFind(JsonElement root, string key, out JsonElement found)
    {
        found = root;
        foreach (var segment in key.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (found.ValueKind == JsonValueKind.Object && found.TryGetProperty(segment, out var child))
            {
                found = child;
            }
            else if (found.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < found.GetArrayLength())
            {
                found = found[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}

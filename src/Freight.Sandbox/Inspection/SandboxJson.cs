using System.Text.Json;
using System.Text.Json.Serialization;

namespace Freight.Sandbox.Inspection;

/// <summary>
/// JSON of the <c>/_sandbox</c> endpoints: snake_case, numbers as numbers, unknown properties refused, so a
/// typo in a PUT is a 400 rather than a setting silently ignored. The simulated APIs keep their own JSON.
/// </summary>
internal static class SandboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}

/// <summary>The body of every 4xx from a <c>/_sandbox</c> endpoint.</summary>
internal sealed record SandboxError(string Error);

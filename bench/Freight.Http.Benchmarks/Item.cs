using System.Text.Json.Serialization;

namespace Freight.Http.Benchmarks;

/// <summary>The JSON object the loopback server returns, deserialized by every benchmark.</summary>
public sealed record Item(
    int Id,
    string Name,
    string Domain,
    IReadOnlyList<string> Tags,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);

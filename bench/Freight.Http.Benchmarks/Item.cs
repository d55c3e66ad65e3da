using System.Text;
using System.Text.Json.Serialization;

namespace Freight.Http.Benchmarks;

/// <summary>The JSON object the benchmarks fetch, deserialized by every client.</summary>
public sealed record Item(
    int Id,
    string Name,
    string Domain,
    IReadOnlyList<string> Tags,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    /// <summary>The path every benchmark requests, relative to the base address.</summary>
    public const string Path = "items/42";

    /// <summary>The response body: 100 bytes of JSON.</summary>
    public static ReadOnlyMemory<byte> Json { get; } = Encoding.UTF8.GetBytes(
        """{"id":42,"name":"Acme","domain":"acme.example","tags":["a","b"],"created_at":"2026-01-01T00:00:00Z"}""");

    /// <summary>Throws unless <paramref name="item"/> is the object <see cref="Json"/> describes, so a broken client cannot look fast.</summary>
    public static void Check(Item item)
    {
        if (item is not { Id: 42, Name: "Acme", Domain: "acme.example", Tags.Count: 2 })
        {
            throw new InvalidOperationException($"Unexpected item: {item}");
        }
    }
}

using System.Collections.Concurrent;
using System.Text.Json;

namespace Freight.Connectors.Attio;

public sealed partial class AttioTarget
{
    /// <summary>
    /// The Attio record id of the record asserted with <paramref name="affinityId"/>, or null when there is none; found
    /// through records/query on the unique attribute and remembered in a bounded cache (found ids only, so a record
    /// written later is found then).
    /// </summary>
    private async Task<string?> FindRecordIdAsync(string objectSlug, string affinityId, CancellationToken cancellationToken)
    {
        if (_recordIds.TryGet(objectSlug, affinityId, out var cached))
        {
            return cached;
        }

        var found = await QueryByAffinityIdsAsync(objectSlug, [affinityId], cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(affinityId, out var record) ? RecordId(record) : null;
    }

    /// <summary>The records holding these affinity ids, by affinity id; throws <see cref="AttioReadException"/> when the query fails.</summary>
    private async Task<Dictionary<string, JsonElement>> QueryByAffinityIdsAsync(
        string objectSlug, IReadOnlyCollection<string> affinityIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var chunk in affinityIds.Distinct(StringComparer.Ordinal).Chunk(QueryLimit))
        {
            var body = new Dictionary<string, object>
            {
                ["filter"] = new Dictionary<string, object> { [AttioSchemaMap.AffinityId] = new Dictionary<string, object> { ["$in"] = chunk } },
                ["limit"] = QueryLimit,
            };
            foreach (var record in await QueryAsync($"v2/objects/{objectSlug}/records/query", body, cancellationToken).ConfigureAwait(false))
            {
                if (TextValue(record, AttioSchemaMap.AffinityId) is { } id)
                {
                    found[id] = record;
                    _recordIds.Set(objectSlug, id, RecordId(record));
                }
            }
        }

        return found;
    }

    private async Task<List<JsonElement>> QueryAsync(string path, object body, CancellationToken cancellationToken)
    {
        var result = await _http.QueryAsync(path, body, cancellationToken).ConfigureAwait(false);
        if (!result.TryGetValue(out var answer))
        {
            AttioHttp.ThrowIfStopsJob(result.Error!);
            throw new AttioReadException(result.Error!);
        }

        return [.. answer.GetProperty("data").EnumerateArray()];
    }

    private const int QueryLimit = 500;

    private static string RecordId(JsonElement record) => record.GetProperty("id").GetProperty("record_id").GetString()!;

    /// <summary>The first value of a text-like attribute (<c>value</c>, or the type's own field such as <c>domain</c>).</summary>
    private static string? TextValue(JsonElement record, string slug, string field = "value") =>
        record.GetProperty("values").TryGetProperty(slug, out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0
            && values[0].TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IEnumerable<string> AllValues(JsonElement record, string slug, string field) =>
        record.GetProperty("values").TryGetProperty(slug, out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(v => v.TryGetProperty(field, out var f) ? f.GetString() : null).OfType<string>()
            : [];
}

/// <summary>A read the connector needed failed after Freight.Http's retries; the write it served is Transient.</summary>
internal sealed class AttioReadException(Freight.Http.ApiError error) : Exception(error.ToString())
{
    public Freight.Http.ApiError Error { get; } = error;
}

/// <summary>Attio record ids by (object, affinity id); cleared whole when full, so memory stays bounded in job size.</summary>
internal sealed class RecordIdCache(int capacity)
{
    private readonly ConcurrentDictionary<(string Object, string AffinityId), string> _ids = new();

    public bool TryGet(string objectSlug, string affinityId, out string? recordId) =>
        _ids.TryGetValue((objectSlug, affinityId), out recordId);

    public void Set(string objectSlug, string affinityId, string recordId)
    {
        if (_ids.Count >= capacity)
        {
            _ids.Clear();
        }

        _ids[(objectSlug, affinityId)] = recordId;
    }
}

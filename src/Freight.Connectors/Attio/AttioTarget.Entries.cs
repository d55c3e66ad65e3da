namespace Freight.Connectors.Attio;

public sealed partial class AttioTarget
{
    /// <summary>PUT /v2/lists/{list}/entries: asserts the parent's one entry with the list's own values.</summary>
    private async Task<WriteResult> WriteEntryAsync(CanonicalListEntry entry, CancellationToken cancellationToken)
    {
        if (!Schema.ListSlugs.TryGetValue(entry.ListId, out var list))
        {
            return new WriteResult.Rejected(RejectionOrigin.Mapping, "unknown_list",
                $"List entry {entry.Id}: list {entry.ListId} is not in the source schema Attio was prepared with.", false);
        }

        var parentObject = AttioSchemaMap.ObjectOf(entry.ParentKind);
        var parentId = await FindRecordIdAsync(parentObject, entry.ParentId, cancellationToken).ConfigureAwait(false);
        if (parentId is null)
        {
            return MissingParent("List entry", entry.Id, parentObject, entry.ParentId);
        }

        var warnings = new List<string>();
        var values = new Dictionary<string, object?>();
        await AddFieldsAsync(values, entry.Fields, warnings, cancellationToken).ConfigureAwait(false);
        var result = await _http.PutAsync($"v2/lists/{list}/entries", new
        {
            data = new { parent_record_id = parentId, parent_object = parentObject, entry_values = values },
        }, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var answer)
            ? new WriteResult.Written(answer.GetProperty("data").GetProperty("id").GetProperty("entry_id").GetString()!, warnings)
            : AttioHttp.ToWriteResult(result.Error!);
    }

    /// <summary>The parent's entry in the entry's list, from the parent record's entries.</summary>
    private async Task<string?> FindEntryAsync(CanonicalListEntry entry, CancellationToken cancellationToken)
    {
        if (!Schema.ListSlugs.TryGetValue(entry.ListId, out var list))
        {
            return null;
        }

        var parentObject = AttioSchemaMap.ObjectOf(entry.ParentKind);
        var parentId = await FindRecordIdAsync(parentObject, entry.ParentId, cancellationToken).ConfigureAwait(false);
        if (parentId is null)
        {
            return null;
        }

        var result = await _http.GetAsync($"v2/objects/{parentObject}/records/{parentId}/entries", cancellationToken).ConfigureAwait(false);
        if (!result.TryGetValue(out var answer))
        {
            AttioHttp.ThrowIfStopsJob(result.Error!);
            throw new AttioReadException(result.Error!);
        }

        return answer.GetProperty("data").EnumerateArray()
            .Where(e => e.GetProperty("list_api_slug").GetString() == list)
            .Select(e => e.GetProperty("entry_id").GetString())
            .FirstOrDefault();
    }
}

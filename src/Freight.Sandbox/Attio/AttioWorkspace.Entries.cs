using System.Text.Json;

namespace Freight.Sandbox.Attio;

internal sealed partial class AttioWorkspace
{
    /// <summary><c>POST /v2/lists/{list}/entries</c>: adds the record, even when it already has an entry (B6).</summary>
    public EntrySnapshot CreateEntry(string listName, JsonElement data)
    {
        lock (_gate)
        {
            var (list, parent, changes) = ParseEntry(listName, data);
            return Snapshot(AddEntry(list, parent, changes));
        }
    }

    /// <summary><c>PUT /v2/lists/{list}/entries</c>: updates the parent's one entry or creates it; several are an error (B6).</summary>
    public EntrySnapshot AssertEntry(string listName, JsonElement data)
    {
        lock (_gate)
        {
            var (list, parent, changes) = ParseEntry(listName, data);
            var existing = list.ByParent.GetValueOrDefault(parent.Counter) ?? [];
            if (existing.Length > 1)
            {
                throw Fail.MultipleMatches($"Record \"{parent.Id}\" has {existing.Length} entries in list \"{list.ApiSlug}\".");
            }

            if (existing.Length == 0)
            {
                return Snapshot(AddEntry(list, parent, changes));
            }

            Write(existing[0], changes, _ => Merge.Replace, creating: false);
            return Snapshot(existing[0]);
        }
    }

    public EntrySnapshot GetEntry(string listName, string entryId)
    {
        lock (_gate)
        {
            return Snapshot(Entry(List(listName), entryId));
        }
    }

    public EntrySnapshot UpdateEntry(string listName, string entryId, JsonElement values, Merge merge)
    {
        lock (_gate)
        {
            var list = List(listName);
            var entry = Entry(list, entryId);
            Write(entry, ParseValues(list, values, "entry_values"), _ => merge, creating: false);
            return Snapshot(entry);
        }
    }

    public void DeleteEntry(string listName, string entryId)
    {
        lock (_gate)
        {
            RemoveEntry(Entry(List(listName), entryId));
        }
    }

    public List<EntrySnapshot> QueryEntries(string listName, QueryRequest query)
    {
        lock (_gate)
        {
            var list = List(listName);
            return [.. Select(list, list.Rows, query).Select(Snapshot)];
        }
    }

    /// <summary><c>GET /records/{id}/entries</c>: the record's entries across every list.</summary>
    public List<RecordEntryDto> EntriesOfRecord(string objectName, string recordId, int limit, int offset)
    {
        lock (_gate)
        {
            var row = Record(Object(objectName), recordId);
            return [.. _lists.SelectMany(list => list.ByParent.GetValueOrDefault(row.Counter) ?? [])
                .Skip(offset).Take(limit)
                .Select(e => new RecordEntryDto(e.List.Id, e.List.ApiSlug, e.Id, AttioJson.Timestamp(e.CreatedTicks)))];
        }
    }

    private (ListDef List, RecordRow Parent, List<ValueChange> Changes) ParseEntry(string listName, JsonElement data)
    {
        string[] at = ["data"];
        Body.OnlyKeys(data, at, "parent_record_id", "parent_object", "entry_values");
        var parentId = Body.String(data, "parent_record_id", at);
        var parentObject = Body.String(data, "parent_object", at);
        var values = Body.Object(data, "entry_values", at);
        var list = List(listName);
        var obj = Object(parentObject);
        if (obj != list.Parent)
        {
            throw Fail.Validation($"List \"{list.ApiSlug}\" holds \"{list.Parent.ApiSlug}\" records, not \"{obj.ApiSlug}\".", "data", "parent_object");
        }

        var parent = FindRecord(obj, parentId) ?? throw Fail.NotFound($"Record with ID \"{parentId}\" was not found.");
        return (list, parent, ParseValues(list, values, "entry_values"));
    }

    private EntryRow AddEntry(ListDef list, RecordRow parent, List<ValueChange> changes)
    {
        var entry = new EntryRow(list, parent, _counters[(int)IdKind.Entry] + 1, Now);
        Write(entry, changes, _ => Merge.Replace, creating: true);
        _counters[(int)IdKind.Entry]++;
        _entries.Add(entry);
        list.Rows.Add(entry);
        list.ByParent[parent.Counter] = [.. list.ByParent.GetValueOrDefault(parent.Counter) ?? [], entry];
        return entry;
    }

    private EntryRow Entry(ListDef list, string id) =>
        AttioIds.TryRead(id, IdKind.Entry, out var counter) && counter <= _entries.Count
        && _entries[(int)(counter - 1)] is { } entry && entry.List == list
            ? entry
            : throw Fail.NotFound($"Entry with ID \"{id}\" was not found.");

    private void RemoveEntry(EntryRow entry)
    {
        Unlink(entry);
        entry.List.Rows.Remove(entry);
        _entries[(int)(entry.Counter - 1)] = null;
        var siblings = entry.List.ByParent[entry.Parent.Counter].Where(e => e != entry).ToArray();
        if (siblings.Length == 0)
        {
            entry.List.ByParent.Remove(entry.Parent.Counter);
        }
        else
        {
            entry.List.ByParent[entry.Parent.Counter] = siblings;
        }
    }

    private static EntrySnapshot Snapshot(EntryRow row) => new(row, row.Values, row.List.Attributes);
}

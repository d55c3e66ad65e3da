using System.Text.Json;

namespace Freight.Sandbox.Attio;

internal sealed partial class AttioWorkspace
{
    /// <summary><c>POST /v2/notes</c>: not deduplicated; the parent must exist (B6).</summary>
    public NoteDto CreateNote(JsonElement data)
    {
        string[] at = ["data"];
        Body.OnlyKeys(data, at, "parent_object", "parent_record_id", "title", "format", "content", "created_at", "meeting_id");
        var parentObject = Body.String(data, "parent_object", at);
        var parentId = Body.String(data, "parent_record_id", at);
        var title = Body.String(data, "title", at);
        var format = Body.String(data, "format", at);
        var content = Body.String(data, "content", at);
        if (format is not ("plaintext" or "markdown"))
        {
            throw Fail.Validation($"\"format\" must be \"plaintext\" or \"markdown\", not \"{format}\".", "data", "format");
        }

        if (Body.Optional(data, "meeting_id") is { ValueKind: not JsonValueKind.Null })
        {
            throw Fail.Validation("No meeting with this \"meeting_id\" exists.", "data", "meeting_id");
        }

        lock (_gate)
        {
            var now = Now;
            var created = now;
            if (Body.Optional(data, "created_at") is { } createdAt)
            {
                created = createdAt.ValueKind == JsonValueKind.String && IsoTime.TryParse(createdAt.GetString()!, out var when)
                    ? when.UtcTicks
                    : throw Fail.Type("\"created_at\" must be an ISO 8601 timestamp.", "data", "created_at");
                if (created < DateTimeOffset.UnixEpoch.UtcTicks || created > now)
                {
                    throw Fail.Validation("\"created_at\" may not be before 1970 or in the future.", "data", "created_at");
                }
            }

            var obj = Object(parentObject);
            var parent = FindRecord(obj, parentId) ?? throw Fail.NotFound($"Record with ID \"{parentId}\" was not found.");
            var (plaintext, markdown) = NoteContent.From(format, content);
            var note = new NoteRow(++_counters[(int)IdKind.Note], parent, title, plaintext, markdown, created);
            _notesById.Add(note);
            _notes.Add(note);
            if (!_notesByParent.TryGetValue(parent.Counter, out var siblings))
            {
                _notesByParent[parent.Counter] = siblings = [];
            }

            siblings.Add(note);
            return note.ToDto();
        }
    }

    /// <summary><c>GET /v2/notes</c>: every note, or those of one parent object or record, paged by limit and offset.</summary>
    public List<NoteDto> ListNotes(string? parentObject, string? parentRecordId, int limit, int offset)
    {
        lock (_gate)
        {
            var obj = parentObject is null ? null : Object(parentObject);
            IEnumerable<NoteRow> notes = _notes;
            if (parentRecordId is not null)
            {
                var parent = obj is null
                    ? _objects.Select(o => FindRecord(o, parentRecordId)).FirstOrDefault(r => r is not null)
                    : FindRecord(obj, parentRecordId);
                notes = parent is null ? [] : _notesByParent.GetValueOrDefault(parent.Counter) ?? [];
            }
            else if (obj is not null)
            {
                notes = _notes.Where(n => n.Parent.Object == obj);
            }

            return [.. notes.Skip(offset).Take(limit).Select(n => n.ToDto())];
        }
    }

    public NoteDto GetNote(string noteId)
    {
        lock (_gate)
        {
            return Note(noteId).ToDto();
        }
    }

    public void DeleteNote(string noteId)
    {
        lock (_gate)
        {
            RemoveNote(Note(noteId));
        }
    }

    private NoteRow Note(string id) =>
        AttioIds.TryRead(id, IdKind.Note, out var counter) && counter <= _notesById.Count && _notesById[(int)(counter - 1)] is { } note
            ? note
            : throw Fail.NotFound($"Note with ID \"{id}\" was not found.");

    private void RemoveNote(NoteRow note)
    {
        _notes.Remove(note);
        _notesById[(int)(note.Counter - 1)] = null;
        var siblings = _notesByParent[note.Parent.Counter];
        siblings.Remove(note);
        if (siblings.Count == 0)
        {
            _notesByParent.Remove(note.Parent.Counter);
        }
    }
}

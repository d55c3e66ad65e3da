namespace Freight.Sandbox.Attio;

// Answers of the /_sandbox inspection routes: what a migration wrote, and what it wrote twice.

internal sealed record CountsDto(
    IReadOnlyDictionary<string, int> Records,
    NoteCountsDto Notes,
    IReadOnlyDictionary<string, int> Entries);

internal sealed record NoteCountsDto(int Total, IReadOnlyDictionary<string, int> ByParentObject);

internal sealed record DuplicatesDto(
    IReadOnlyList<DuplicateValueDto> Records,
    IReadOnlyList<DuplicateNoteDto> Notes,
    IReadOnlyList<DuplicateEntryDto> Entries)
{
    public int Total => Records.Count + Notes.Count + Entries.Count;
}

/// <summary>Records of one object sharing a value of a source id (<c>affinity_…id</c>) or unique attribute.</summary>
internal sealed record DuplicateValueDto(string Object, string Attribute, string Value, IReadOnlyList<Guid> RecordIds);

/// <summary>Notes with the same parent, title, content and creation time.</summary>
internal sealed record DuplicateNoteDto(string ParentObject, Guid ParentRecordId, string Title, string CreatedAt, IReadOnlyList<Guid> NoteIds);

/// <summary>Entries of one list with the same parent record.</summary>
internal sealed record DuplicateEntryDto(string List, Guid ParentRecordId, IReadOnlyList<Guid> EntryIds);

namespace Freight.Sandbox.Attio;

internal sealed partial class AttioWorkspace
{
    public CountsDto Counts()
    {
        lock (_gate)
        {
            return new(
                _objects.ToDictionary(o => o.ApiSlug, o => o.Rows.Count),
                new NoteCountsDto(_notes.Count, _objects.ToDictionary(o => o.ApiSlug, o => _notes.Count(n => n.Parent.Object == o))),
                _lists.ToDictionary(l => l.ApiSlug, l => l.Rows.Count));
        }
    }

    /// <summary>
    /// What was written twice, including what Attio itself allows: records sharing a value of a source id attribute (<c>affinity_…_id</c>) or
    /// unique attribute (uniqueness only guards values written after it was turned on), identical notes on one parent,
    /// and several entries of one parent in one list. A scan of everything: for tests, not for the hot path.
    /// </summary>
    public DuplicatesDto Duplicates()
    {
        lock (_gate)
        {
            var records = new List<DuplicateValueDto>();
            foreach (var obj in _objects)
            {
                foreach (var attribute in obj.Attributes.Where(a => a.Derived == Derived.None
                    && (a.IsUnique || IsSourceId(a.ApiSlug))))
                {
                    records.AddRange(obj.Rows
                        .SelectMany(row => row.ValuesOf(attribute).Select(item => (item.Key, row.Id)).Distinct())
                        .GroupBy(pair => pair.Key, StringComparer.Ordinal)
                        .Where(group => group.Count() > 1)
                        .Select(group => new DuplicateValueDto(obj.ApiSlug, attribute.ApiSlug, group.Key, [.. group.Select(pair => pair.Id)])));
                }
            }

            var notes = _notes
                .GroupBy(n => (n.Parent.Counter, n.Title, n.Plaintext, n.Markdown, n.CreatedTicks))
                .Where(group => group.Count() > 1)
                .Select(group => Duplicate(group.ToList()))
                .ToList();

            var entries = _lists
                .SelectMany(list => list.ByParent.Values.Where(siblings => siblings.Length > 1)
                    .Select(siblings => new DuplicateEntryDto(list.ApiSlug, siblings[0].Parent.Id, [.. siblings.Select(e => e.Id)])))
                .ToList();
            return new(records, notes, entries);
        }
    }

    private static DuplicateNoteDto Duplicate(List<NoteRow> notes) => new(
        notes[0].Parent.Object.ApiSlug, notes[0].Parent.Id, notes[0].Title, AttioJson.Timestamp(notes[0].CreatedTicks), [.. notes.Select(n => n.Id)]);

    // A migration's record keys, e.g. affinity_id or affinity_org_id; not its migrated fields (affinity_field_1101).
    private static bool IsSourceId(string slug) =>
        slug.StartsWith("affinity_", StringComparison.Ordinal) && slug.EndsWith("id", StringComparison.Ordinal);
}

using Freight.Sandbox.Inspection;

namespace Freight.Sandbox.Attio;

/// <summary>
/// The simulated workspace: schema, records, lists, entries and notes behind one lock. Nothing under the lock
/// awaits, and every answer is built from immutable snapshots, so JSON is written outside it.
/// </summary>
internal sealed partial class AttioWorkspace : ISandboxResettable
{
    private readonly Lock _gate = new();
    private readonly long[] _counters = new long[Enum.GetValues<IdKind>().Length + 1];
    private readonly Dictionary<string, Member> _membersByEmail = new(StringComparer.OrdinalIgnoreCase);

    // Rows by counter - 1, so a lookup by id is an index; deleted rows leave null.
    private readonly List<RecordRow?> _records = [];
    private readonly List<EntryRow?> _entries = [];
    private readonly List<NoteRow?> _notesById = [];
    private readonly List<NoteRow> _notes = [];
    private readonly Dictionary<long, List<NoteRow>> _notesByParent = [];
    private List<ObjectDef> _objects = [];

    // Short texts repeat across records (job titles, first names): a slot per hash keeps one copy of the frequent ones,
    // while one-off texts only replace each other.
    private readonly string?[] _sharedStrings = new string?[1 << 16];
    private readonly List<ListDef> _lists = [];

    public AttioWorkspace(AttioSimulatorOptions options)
    {
        Options = options;
        Members = [.. options.WorkspaceMembers.Select((member, i) => new Member(AttioIds.Make(IdKind.Member, i + 1), member))];
        foreach (var member in Members)
        {
            _membersByEmail[member.Info.EmailAddress] = member;
        }

        Seed();
    }

    public AttioSimulatorOptions Options { get; }

    public IReadOnlyList<Member> Members { get; }

    private long Now => Options.TimeProvider.GetUtcNow().UtcTicks;

    /// <summary>Drops everything written and restores the standard schema with the ids it had at start.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Seed();
        }
    }

    /// <summary>A stored copy of a short text equal to <paramref name="text"/>, when there is one; caller holds the lock.</summary>
    public string Share(string text)
    {
        if (text.Length > 32)
        {
            return text;
        }

        var slot = text.GetHashCode(StringComparison.Ordinal) & (_sharedStrings.Length - 1);
        if (_sharedStrings[slot] is { } shared && shared == text)
        {
            return shared;
        }

        _sharedStrings[slot] = text;
        return text;
    }

    public Member? FindMember(string email) => _membersByEmail.GetValueOrDefault(email.Trim());

    /// <summary>An object by slug or id; callers hold the lock or accept a racing read of the object list.</summary>
    public ObjectDef? FindObject(string slugOrId) => _objects.Find(o => o.IsIdentifiedBy(slugOrId));

    public RecordRow? FindRecord(ObjectDef obj, string? id) =>
        AttioIds.TryRead(id, IdKind.Record, out var counter) && counter <= _records.Count
        && _records[(int)(counter - 1)] is { } row && row.Object == obj ? row : null;

    private ObjectDef Object(string slugOrId) =>
        FindObject(slugOrId) ?? throw Fail.NotFound($"Object with slug or ID \"{slugOrId}\" was not found.");

    private ListDef List(string slugOrId) =>
        _lists.Find(l => l.IsIdentifiedBy(slugOrId)) ?? throw Fail.NotFound($"List with slug or ID \"{slugOrId}\" was not found.");

    private RecordRow Record(ObjectDef obj, string id) =>
        FindRecord(obj, id) ?? throw Fail.NotFound($"Record with ID \"{id}\" was not found.");

    private Guid NewId(IdKind kind) => AttioIds.Make(kind, ++_counters[(int)kind]);

    private void Seed()
    {
        Array.Clear(_counters);
        _records.Clear();
        _entries.Clear();
        _notesById.Clear();
        _notes.Clear();
        _notesByParent.Clear();
        _lists.Clear();
        Array.Clear(_sharedStrings);
        _objects = StandardSchema.Build(NewId);
    }
}

/// <summary>A workspace member and its id.</summary>
internal sealed record Member(Guid Id, AttioWorkspaceMember Info);

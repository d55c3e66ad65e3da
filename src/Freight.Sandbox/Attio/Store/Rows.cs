namespace Freight.Sandbox.Attio;

/// <summary>
/// A record or a list entry: a counter (its id), a creation time and its values, sorted by attribute slot.
/// <see cref="Values"/> is replaced whole on every write, so a reader holding the old array keeps a consistent view.
/// </summary>
internal abstract class Row(long counter, long createdTicks)
{
    public long Counter { get; } = counter;

    public long CreatedTicks { get; } = createdTicks;

    public ValueItem[] Values { get; set; } = [];

    public abstract AttributeOwner Owner { get; }

    public List<ValueItem> ValuesOf(AttributeDef attribute)
    {
        var found = new List<ValueItem>();
        foreach (var item in Values)
        {
            if (item.Slot == attribute.Ordinal)
            {
                found.Add(item);
            }
        }

        return found;
    }
}

/// <summary>A record of an object.</summary>
internal sealed class RecordRow(ObjectDef obj, long counter, long createdTicks) : Row(counter, createdTicks)
{
    public ObjectDef Object { get; } = obj;

    public override AttributeOwner Owner => Object;

    public Guid Id => AttioIds.Make(IdKind.Record, Counter);
}

/// <summary>An entry of a list: its parent record and the list's own attribute values.</summary>
internal sealed class EntryRow(ListDef list, RecordRow parent, long counter, long createdTicks) : Row(counter, createdTicks)
{
    public ListDef List { get; } = list;

    public RecordRow Parent { get; } = parent;

    public override AttributeOwner Owner => List;

    public Guid Id => AttioIds.Make(IdKind.Entry, Counter);
}

/// <summary>A note on a record, in plaintext and markdown (B6).</summary>
internal sealed class NoteRow(long counter, RecordRow parent, string title, string plaintext, string markdown, long createdTicks)
{
    public long Counter { get; } = counter;

    public RecordRow Parent { get; } = parent;

    public string Title { get; } = title;

    public string Plaintext { get; } = plaintext;

    public string Markdown { get; } = markdown;

    public long CreatedTicks { get; } = createdTicks;

    public Guid Id => AttioIds.Make(IdKind.Note, Counter);
}

namespace Freight.Sandbox.Attio;

internal sealed partial class AttioWorkspace
{
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
}

namespace Freight.Sandbox.Attio;

internal sealed partial class AttioWorkspace
{
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

namespace Freight.Sandbox.Dataset;

/// <summary>
/// Who points at a record: the notes attached to each person, company and opportunity, and the
/// persons of each company. Records only name their parents, so answering "this company's notes"
/// needs the reverse direction; it is built once, on first use, from the parent and membership draws
/// alone (no note body or person is built). Rows are 0-based record indexes, ids ascending.
/// </summary>
internal sealed class ReverseIndex
{
    private ReverseIndex(IdIndex notesByPerson, IdIndex notesByCompany, IdIndex notesByOpportunity, IdIndex personsByCompany)
    {
        NotesByPerson = notesByPerson;
        NotesByCompany = notesByCompany;
        NotesByOpportunity = notesByOpportunity;
        PersonsByCompany = personsByCompany;
    }

    public IdIndex NotesByPerson { get; }

    public IdIndex NotesByCompany { get; }

    public IdIndex NotesByOpportunity { get; }

    public IdIndex PersonsByCompany { get; }

    public long Bytes => NotesByPerson.Bytes + NotesByCompany.Bytes + NotesByOpportunity.Bytes + PersonsByCompany.Bytes;

    public static ReverseIndex Build(DatasetCounts counts, NoteFactory notes, PersonFactory persons)
    {
        var byPerson = new IdIndex.Builder(counts.Persons);
        var byCompany = new IdIndex.Builder(counts.Companies);
        var byOpportunity = new IdIndex.Builder(counts.Opportunities);
        var members = new IdIndex.Builder(counts.Companies);

        void VisitNotes(bool counting)
        {
            for (var index = 0; index < counts.Notes; index++)
            {
                var parents = notes.Parents(index);
                Link(byPerson, parents.PersonIds, counts.Persons, index + 1, counting);
                Link(byCompany, parents.CompanyIds, counts.Companies, index + 1, counting);
                Link(byOpportunity, parents.OpportunityIds, counts.Opportunities, index + 1, counting);
            }
        }

        void VisitPersons(bool counting)
        {
            for (var index = 0; index < counts.Persons; index++)
            {
                Link(members, persons.CompanyIds(index), counts.Companies, index + 1, counting);
            }
        }

        VisitNotes(counting: true);
        VisitPersons(counting: true);
        byPerson.Seal();
        byCompany.Seal();
        byOpportunity.Seal();
        members.Seal();
        VisitNotes(counting: false);
        VisitPersons(counting: false);
        return new ReverseIndex(byPerson.Build(), byCompany.Build(), byOpportunity.Build(), members.Build());
    }

    // A dangling parent id (a note the target must reject) points at no record, so no row holds it.
    private static void Link(IdIndex.Builder index, long[] parentIds, int parentCount, int id, bool counting)
    {
        foreach (var parentId in parentIds)
        {
            if (parentId < 1 || parentId > parentCount)
            {
                continue;
            }

            if (counting)
            {
                index.Count((int)parentId - 1);
            }
            else
            {
                index.Add((int)parentId - 1, id);
            }
        }
    }
}

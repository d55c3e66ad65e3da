namespace Freight.Sandbox.Dataset;

/// <summary>Builds note i from (seed, i) alone; its creator is one of the internal persons.</summary>
internal sealed class NoteFactory(int seed, Traits traits, DatasetCounts counts)
{
    public Note Create(int index)
    {
        var rng = Rng.For(seed, RngStream.Note, index);
        var (format, content) = NoteContent.Create(ref rng, traits.NoteBody.Of(index));
        var creatorId = rng.Next(counts.InternalPersons) + 1L;
        var createdAt = Generation.Timestamp(ref rng);
        long[] persons = [];
        long[] companies = [];
        long[] opportunities = [];
        var parents = traits.NoteParents.Of(index);
        switch (parents)
        {
            case NoteParents.Missing:
                persons = [Generation.MissingId(ref rng, counts.Persons)];
                break;
            case NoteParents.Several:
                // A meeting note filed on a person and their company, sometimes on the deal too.
                persons = [rng.Next(counts.Persons) + 1L];
                companies = [rng.Next(counts.Companies) + 1L];
                opportunities = rng.Percent(50) ? [rng.Next(counts.Opportunities) + 1L] : [];
                break;
            default:
                var pick = rng.Next(10);
                if (pick < 5)
                {
                    persons = [rng.Next(counts.Persons) + 1L];
                }
                else if (pick < 8)
                {
                    companies = [rng.Next(counts.Companies) + 1L];
                }
                else
                {
                    opportunities = [rng.Next(counts.Opportunities) + 1L];
                }

                break;
        }

        return new Note(
            index + 1L,
            format,
            content,
            creatorId,
            persons,
            companies,
            opportunities,
            createdAt,
            parents == NoteParents.Missing ? Rejection.MissingParentRecord : null);
    }
}

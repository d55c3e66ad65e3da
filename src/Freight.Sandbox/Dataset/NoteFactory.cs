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
        var parents = Parents(index);
        return new Note(
            index + 1L,
            format,
            content,
            creatorId,
            parents.PersonIds,
            parents.CompanyIds,
            parents.OpportunityIds,
            createdAt,
            traits.NoteParents.Of(index) == NoteParents.Missing ? Rejection.MissingParentRecord : null);
    }

    /// <summary>
    /// The records note i is attached to. They come from their own random stream, so they can be
    /// found without building the note's body (the reverse index reads every note's parents).
    /// </summary>
    public NoteParentIds Parents(int index)
    {
        var rng = Rng.For(seed, RngStream.NoteParents, index);
        switch (traits.NoteParents.Of(index))
        {
            case NoteParents.Missing:
                return new([Generation.MissingId(ref rng, counts.Persons)], [], []);
            case NoteParents.Several:
                // A meeting note filed on a person and their company, sometimes on the deal too.
                long[] persons = [rng.Next(counts.Persons) + 1L];
                long[] companies = [rng.Next(counts.Companies) + 1L];
                return new(persons, companies, rng.Percent(50) ? [rng.Next(counts.Opportunities) + 1L] : []);
            default:
                var pick = rng.Next(10);
                return pick switch
                {
                    < 5 => new([rng.Next(counts.Persons) + 1L], [], []),
                    < 8 => new([], [rng.Next(counts.Companies) + 1L], []),
                    _ => new([], [], [rng.Next(counts.Opportunities) + 1L]),
                };
        }
    }
}

/// <summary>The persons, companies and opportunities a note is attached to.</summary>
internal readonly record struct NoteParentIds(long[] PersonIds, long[] CompanyIds, long[] OpportunityIds);

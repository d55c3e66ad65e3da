namespace Freight.Sandbox.Dataset;

/// <summary>
/// SplitMix64: a tiny seeded generator whose output is fixed by its algorithm, unlike
/// System.Random's, so the same seed gives the same data on every runtime. A record's generator
/// is seeded from (dataset seed, stream, index), which is what lets any record be built alone.
/// </summary>
internal struct Rng(ulong state)
{
    private ulong _state = state;

    public static Rng For(int seed, RngStream stream, long index) =>
        new(Mix(Mix((ulong)(uint)seed ^ ((ulong)stream << 32)) ^ (ulong)index));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A value in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => (int)((NextUInt64() >> 33) % (ulong)maxExclusive);

    /// <summary>A value in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with the given probability in percent.</summary>
    public bool Percent(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Independent random streams, so adding a draw to one record kind never shifts another's.</summary>
internal enum RngStream : uint
{
    Company = 1,
    CompanyFields,
    CompanyPartner,
    Person,
    PersonFields,
    Opportunity,
    Note,
    ListEntry,
    SlotPermutation,
    SlotOffset,
    NoteParents,
}

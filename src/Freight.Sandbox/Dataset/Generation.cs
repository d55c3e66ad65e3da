namespace Freight.Sandbox.Dataset;

/// <summary>Small helpers shared by the record factories.</summary>
internal static class Generation
{
    // Fixed, so timestamps never depend on the clock.
    private static readonly DateTimeOffset Epoch = new(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int SevenYearsInSeconds = 7 * 365 * 24 * 3600;

    public static DateTimeOffset Timestamp(ref Rng rng) => Epoch.AddSeconds(rng.Next(SevenYearsInSeconds));

    public static DateTimeOffset Date(ref Rng rng) => Epoch.AddDays(rng.Next(7 * 365));

    /// <summary><paramref name="wanted"/> distinct indices below <paramref name="count"/> (fewer if count is smaller).</summary>
    public static long[] DistinctIds(ref Rng rng, int wanted, int count)
    {
        var ids = new long[Math.Min(wanted, count)];
        for (var i = 0; i < ids.Length; i++)
        {
            long id;
            do
            {
                id = rng.Next(count) + 1L;
            }
            while (Array.IndexOf(ids, id, 0, i) >= 0);

            ids[i] = id;
        }

        return ids;
    }

    /// <summary>An id past the end of a set of <paramref name="count"/> records: a reference to nothing.</summary>
    public static long MissingId(ref Rng rng, int count) => count + 1L + rng.Next(1000);

    /// <summary><paramref name="wanted"/> distinct items of <paramref name="items"/> (fewer if it has fewer).</summary>
    public static T[] DistinctPicks<T>(ref Rng rng, IReadOnlyList<T> items, int wanted) =>
        [.. DistinctIds(ref rng, wanted, items.Count).Select(id => items[(int)id - 1])];

    public static FieldValue Option(Field field, ref Rng rng) =>
        new(field.Id, field.ValueType, Option: rng.Pick(field.Options));
}

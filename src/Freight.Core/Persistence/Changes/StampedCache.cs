using System.Collections.Concurrent;

namespace Freight.Core.Persistence.Changes;

/// <summary>
/// Values read from the database, each kept with the <see cref="DatabaseChangeStamp"/> read just before it was:
/// a value is returned only while the stamp is unchanged, that is while nothing has committed since it was read.
/// Holds at most <c>capacity</c> values; when full it starts again empty.
/// </summary>
public sealed class StampedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    public int Count => _entries.Count;

    /// <summary>The value stored for <paramref name="key"/> under <paramref name="stamp"/>, if any.</summary>
    public bool TryGet(TKey key, ChangeStamp stamp, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Stamp == stamp)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Stores a value read after <paramref name="stamp"/> was.</summary>
    public void Set(TKey key, ChangeStamp stamp, TValue value)
    {
        if (_entries.Count >= capacity && !_entries.ContainsKey(key))
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(stamp, value);
    }

    private sealed record Entry(ChangeStamp Stamp, TValue Value);
}

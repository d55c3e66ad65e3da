using System.Collections;

namespace Freight.Sandbox.Dataset;

/// <summary>
/// A read-only list of records built on demand from their index: nothing is stored, so a slice
/// costs only its own records and memory stays flat whatever the dataset's size. Reading the same
/// index twice gives equal records.
/// </summary>
public sealed class RecordSet<T> : IReadOnlyList<T>
    where T : class
{
    private readonly int _offset;
    private readonly Func<int, T> _create;

    internal RecordSet(int count, Func<int, T> create, int offset = 0)
    {
        Count = count;
        _create = create;
        _offset = offset;
    }

    public int Count { get; }

    /// <summary>The id of the first record; ids run on without gaps.</summary>
    public long FirstId => _offset + 1L;

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _create(_offset + index);
        }
    }

    /// <summary>The record with this id, or null when the set has none.</summary>
    public T? FindById(long id)
    {
        var index = id - FirstId;
        return index >= 0 && index < Count ? _create(_offset + (int)index) : null;
    }

    /// <summary>Up to <paramref name="count"/> records from <paramref name="start"/>, built as they are enumerated.</summary>
    public IEnumerable<T> Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var end = (int)Math.Min((long)start + count, Count);
        for (var index = start; index < end; index++)
        {
            yield return _create(_offset + index);
        }
    }

    public IEnumerator<T> GetEnumerator() => Slice(0, Count).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

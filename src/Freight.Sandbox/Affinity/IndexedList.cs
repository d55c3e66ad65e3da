namespace Freight.Sandbox.Affinity;

/// <summary>A read-only list whose items are made from their index when read, so a page builds only its own.</summary>
internal sealed class IndexedList<T>(int count, Func<int, T> at) : IReadOnlyList<T>
{
    public int Count => count;

    public T this[int index] => at(index);

    public IEnumerator<T> GetEnumerator()
    {
        for (var index = 0; index < count; index++)
        {
            yield return at(index);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

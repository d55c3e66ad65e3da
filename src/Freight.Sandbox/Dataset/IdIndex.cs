namespace Freight.Sandbox.Dataset;

/// <summary>
/// Ids grouped by row (compressed sparse rows): row r's ids are <c>_ids[_starts[r].._starts[r + 1]]</c>,
/// in the order they were added. Two int arrays, whatever the number of rows.
/// </summary>
internal sealed class IdIndex
{
    private readonly int[] _starts;
    private readonly int[] _ids;

    private IdIndex(int[] starts, int[] ids)
    {
        _starts = starts;
        _ids = ids;
    }

    public int Rows => _starts.Length - 1;

    public long Bytes => ((long)_starts.Length + _ids.Length) * sizeof(int);

    public ReadOnlySpan<int> Row(int row) => _ids.AsSpan(_starts[row], _starts[row + 1] - _starts[row]);

    /// <summary>
    /// Fills an index in two passes over the same links: the first counts each row's ids, the second
    /// places them, so nothing grows or is copied.
    /// </summary>
    internal sealed class Builder(int rows)
    {
        private readonly int[] _starts = new int[rows + 1];
        private int[]? _ids;
        private int[]? _next;

        public void Count(int row) => _starts[row + 1]++;

        /// <summary>Ends the counting pass.</summary>
        public void Seal()
        {
            for (var row = 0; row < rows; row++)
            {
                _starts[row + 1] += _starts[row];
            }

            _ids = new int[_starts[rows]];
            _next = _starts[..rows];
        }

        public void Add(int row, int id) => _ids![_next![row]++] = id;

        public IdIndex Build() => new(_starts, _ids!);
    }
}

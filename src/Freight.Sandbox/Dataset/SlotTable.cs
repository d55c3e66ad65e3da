namespace Freight.Sandbox.Dataset;

/// <summary>
/// Gives each record a slot in 0..99 such that every aligned block of 100 records holds each slot
/// exactly once, in a seeded order that differs per block. A trait given to slots [lo, hi) is then
/// carried by exactly hi − lo records in every 100: proportions are exact, not just likely, and the
/// summary can count them without generating anything.
/// </summary>
internal sealed class SlotTable
{
    public const int BlockSize = 100;

    private readonly int _seed;
    private readonly uint _group;
    // One seeded permutation per table; each block rotates it by its own offset.
    private readonly byte[] _permutation = new byte[BlockSize];

    public SlotTable(int seed, uint group)
    {
        _seed = seed;
        _group = group;
        for (var i = 0; i < BlockSize; i++)
        {
            _permutation[i] = (byte)i;
        }

        var rng = Rng.For(seed, RngStream.SlotPermutation, group);
        for (var i = BlockSize - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (_permutation[i], _permutation[j]) = (_permutation[j], _permutation[i]);
        }
    }

    public int Slot(long index)
    {
        var block = index / BlockSize;
        var offset = Rng.For(_seed, RngStream.SlotOffset, (block << 16) ^ _group).Next(BlockSize);
        return _permutation[(int)((index % BlockSize + offset) % BlockSize)];
    }

    /// <summary>How many of the records 0..count−1 have a slot in [lo, hi).</summary>
    public long CountInRange(long count, int lo, int hi)
    {
        var fullBlocks = count / BlockSize;
        var total = fullBlocks * (hi - lo);
        for (var index = fullBlocks * BlockSize; index < count; index++)
        {
            var slot = Slot(index);
            if (slot >= lo && slot < hi)
            {
                total++;
            }
        }

        return total;
    }
}

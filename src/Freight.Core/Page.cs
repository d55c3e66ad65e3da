namespace Freight.Core;

/// <summary>One page of a list, in the REST API's paging terms.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit)
{
    public const int MaxLimit = 1000;

    public bool HasMore => Offset + Items.Count < Total;

    internal static void Validate(int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
    }
}

namespace Freight.Sandbox.Faults;

/// <summary>Shares as whole percents, the unit a block of 100 requests can hold exactly.</summary>
internal static class FaultShares
{
    /// <summary>The share in percent, or null when it is not a whole percent in [0, 1].</summary>
    public static int? Percent(double share)
    {
        if (!double.IsFinite(share) || share < 0 || share > 1)
        {
            return null;
        }

        var percent = share * 100;
        var whole = Math.Round(percent);
        return Math.Abs(percent - whole) < 1e-6 ? (int)whole : null;
    }
}

/// <summary>
/// How <see cref="FaultProfile.Transient"/> (and <c>--faults RATE</c>) divides a rate: 40 % server errors,
/// 30 % 429s, 20 % dropped connections, 10 % truncated bodies, rounded to whole percents by largest
/// remainder (ties to the earlier kind). 0.10 gives 4/3/2/1 percent, 0.05 gives 2/2/1/0.
/// </summary>
public static class TransientSplit
{
    /// <summary>Weights of server errors, 429s, dropped connections and truncated bodies, in that order.</summary>
    public static IReadOnlyList<int> Weights { get; } = [40, 30, 20, 10];

    internal static int[] Divide(int percent)
    {
        var total = Weights.Sum();
        var parts = new int[Weights.Count];
        var remainders = new (int Remainder, int Index)[Weights.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = percent * Weights[i] / total;
            remainders[i] = (percent * Weights[i] % total, i);
        }

        var left = percent - parts.Sum();
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(left))
        {
            parts[index]++;
        }

        return parts;
    }
}

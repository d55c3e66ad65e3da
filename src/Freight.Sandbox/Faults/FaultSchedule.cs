using Freight.Sandbox.Dataset;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Faults;

/// <summary>
/// A profile laid out on the 100 slots of a block of requests: server errors take the first slots, then
/// 429s, dropped connections, truncated bodies and slow bodies, each as many slots as its percent.
/// The <see cref="SlotTable"/> of the route gives each request its slot, so shares are exact per 100.
/// </summary>
internal sealed class FaultSchedule
{
    private readonly int[] _bandEnds;

    public FaultSchedule(FaultProfile profile)
    {
        Profile = profile;
        int[] percents =
        [
            Percent(profile.ServerErrors), Percent(profile.RateLimits), Percent(profile.DroppedConnections),
            Percent(profile.TruncatedBodies), Percent(profile.SlowBodies),
        ];
        _bandEnds = new int[percents.Length];
        var end = 0;
        for (var i = 0; i < percents.Length; i++)
        {
            end += percents[i];
            _bandEnds[i] = end;
        }

        IsQuiet = end == 0 && profile.Latency == TimeSpan.Zero && profile.LatencyJitter == TimeSpan.Zero;
    }

    public FaultProfile Profile { get; }

    /// <summary>No fault and no latency: nothing to decide.</summary>
    public bool IsQuiet { get; }

    public FaultDecision Decide(RouteSlots slots, long index)
    {
        var delay = Profile.Latency;
        if (Profile.LatencyJitter > TimeSpan.Zero)
        {
            delay += TimeSpan.FromTicks(Profile.LatencyJitter.Ticks / SlotTable.BlockSize * slots.Jitter.Slot(index));
        }

        var slot = slots.Faults.Slot(index);
        var band = 0;
        while (band < _bandEnds.Length && slot >= _bandEnds[band])
        {
            band++;
        }

        if (band == _bandEnds.Length)
        {
            return new FaultDecision(null, 0, delay, Profile);
        }

        // Two variants of one kind take turns: the rank of the slot in its band, shifted by one every block,
        // so a band of two slots gives one of each per block and a band of one alternates block by block.
        var bandStart = band == 0 ? 0 : _bandEnds[band - 1];
        var firstVariant = (slot - bandStart + (index / SlotTable.BlockSize)) % 2 == 0;
        return band switch
        {
            0 => new(FaultKind.ServerError, firstVariant ? ServerErrorChoices.First : ServerErrorChoices.Second, delay, Profile),
            1 => new(FaultKind.RateLimit, StatusCodes.Status429TooManyRequests, delay, Profile),
            2 => new(firstVariant ? FaultKind.DroppedBeforeProcessing : FaultKind.DroppedAfterProcessing, 0, delay, Profile),
            3 => new(FaultKind.TruncatedBody, 0, delay, Profile),
            _ => new(FaultKind.SlowBody, 0, delay, Profile),
        };
    }

    private static int Percent(double share) => FaultShares.Percent(share) ?? 0;
}

/// <summary>A route's two slot tables for one seed: which fault, and how much jitter.</summary>
internal sealed class RouteSlots(int seed, string routeKey)
{
    public SlotTable Faults { get; } = new(seed, Group(routeKey));

    public SlotTable Jitter { get; } = new(seed, Group(routeKey + " jitter"));

    // FNV-1a: a stable hash (string.GetHashCode changes per process), so a route's table is the same on every run.
    private static uint Group(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

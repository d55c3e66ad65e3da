using System.Collections.Concurrent;
using Freight.Sandbox.Hosting;

namespace Freight.Sandbox.Faults;

/// <summary>
/// The faults in force: immutable, so a PUT swaps them in one reference write and a request sees one
/// consistent version. Route keys are held in their canonical form (see <see cref="SandboxRoutes.Normalize"/>).
/// </summary>
internal sealed class FaultSettings
{
    private readonly FaultSchedule _default;
    private readonly Dictionary<string, FaultSchedule> _routes;

    // Each route's slot tables for this seed, built on its first request.
    private readonly ConcurrentDictionary<string, RouteSlots> _slots = new(StringComparer.Ordinal);

    private FaultSettings(int seed, FaultProfile defaultProfile, Dictionary<string, FaultProfile> routes)
    {
        Seed = seed;
        Default = defaultProfile;
        Routes = routes;
        _default = new FaultSchedule(defaultProfile);
        _routes = routes.ToDictionary(pair => pair.Key, pair => new FaultSchedule(pair.Value), StringComparer.Ordinal);
    }

    public int Seed { get; }

    public FaultProfile Default { get; }

    public IReadOnlyDictionary<string, FaultProfile> Routes { get; }

    /// <summary>Checks every profile and reads every route key; null with the first problem otherwise.</summary>
    public static FaultSettings? TryCreate(
        int seed, FaultProfile? defaultProfile, IEnumerable<KeyValuePair<string, FaultProfile?>>? routes, out string? problem)
    {
        defaultProfile ??= FaultProfile.None;
        problem = defaultProfile.Problem("default");
        if (problem is not null)
        {
            return null;
        }

        var canonical = new Dictionary<string, FaultProfile>(StringComparer.Ordinal);
        foreach (var (key, profile) in routes ?? [])
        {
            var route = SandboxRoutes.Normalize(key, out problem);
            problem ??= profile is null ? $"routes[\"{key}\"] has no profile." : profile.Problem($"routes[\"{key}\"]");
            if (problem is null && !canonical.TryAdd(route!, profile!))
            {
                problem = $"routes: \"{key}\" names the route {route} a second time.";
            }

            if (problem is not null)
            {
                return null;
            }
        }

        return new FaultSettings(seed, defaultProfile, canonical);
    }

    /// <summary>The first route override naming a route the app does not serve, as a problem listing the routes of its method; null when all exist.</summary>
    public string? UnknownRoute(IReadOnlySet<string> known)
    {
        if (Routes.Keys.FirstOrDefault(key => !known.Contains(key)) is not { } unknown)
        {
            return null;
        }

        var method = unknown[..(unknown.IndexOf(' ', StringComparison.Ordinal) + 1)];
        var sameMethod = known.Where(key => key.StartsWith(method, StringComparison.Ordinal)).ToList();
        return $"routes: no route {unknown}; the {method}routes are: {string.Join(", ", sameMethod)}.";
    }

    /// <summary>What happens to the <paramref name="index"/>-th request (from 0) on <paramref name="route"/>.</summary>
    public FaultDecision Decide(SandboxRoute route, long index)
    {
        var schedule = _routes.GetValueOrDefault(route.Key) ?? _default;
        if (schedule.IsQuiet)
        {
            return new FaultDecision(null, 0, TimeSpan.Zero, schedule.Profile);
        }

        var slots = _slots.GetOrAdd(route.Key, static (key, seed) => new RouteSlots(seed, key), Seed);
        return schedule.Decide(slots, index);
    }
}

/// <summary>The decision for one request: an optional fault, its status for 5xx/429, and the latency to add first.</summary>
internal readonly record struct FaultDecision(FaultKind? Kind, int StatusCode, TimeSpan Delay, FaultProfile Profile);

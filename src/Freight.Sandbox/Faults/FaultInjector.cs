using System.Collections.Concurrent;
using Freight.Sandbox.Hosting;
using Freight.Sandbox.Inspection;

namespace Freight.Sandbox.Faults;

/// <summary>
/// Numbers the requests of each route, decides their faults from the settings in force, and counts what
/// it injected by route and kind. Reset puts every route back at request 0 and the counts at zero; the
/// settings stay as they are.
/// </summary>
internal sealed class FaultInjector(FaultSettings settings, IFaultResponder responder, TimeProvider time) : ISandboxResettable
{
    private readonly ConcurrentDictionary<SandboxRoute, RouteCounters> _routes = new();
    private FaultSettings _settings = settings;

    public IFaultResponder Responder { get; } = responder;

    public TimeProvider Time { get; } = time;

    public FaultSettings Settings
    {
        get => Volatile.Read(ref _settings);
        set => Volatile.Write(ref _settings, value);
    }

    /// <summary>Numbers the request on its route and decides its fault, counting the fault if there is one.</summary>
    public FaultDecision Next(SandboxRoute route)
    {
        var counters = _routes.GetOrAdd(route, static _ => new RouteCounters());
        var index = Interlocked.Increment(ref counters.Requests) - 1;
        var decision = Settings.Decide(route, index);
        if (decision.Kind is { } kind)
        {
            Interlocked.Increment(ref counters.Faults[(int)kind]);
        }

        return decision;
    }

    /// <summary>Faults injected so far, by route key and kind; routes without a fault are left out.</summary>
    public SortedDictionary<string, long[]> CountsByRoute()
    {
        var counts = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (route, counters) in _routes)
        {
            var faults = counters.Faults.Select(count => Interlocked.Read(ref count)).ToArray();
            if (faults.Any(count => count > 0))
            {
                counts[route.Key] = faults;
            }
        }

        return counts;
    }

    public void Reset() => _routes.Clear();

    private sealed class RouteCounters
    {
        public long Requests;

        public readonly long[] Faults = new long[FaultKinds.All.Length];
    }
}

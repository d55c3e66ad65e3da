namespace Freight.Sandbox.Faults;

/// <summary>
/// A simulator's fault injection at start; <c>GET|PUT /_sandbox/faults</c> reads and replaces it at run time.
/// The k-th request on a route gets a fault decided only by (<see cref="Seed"/>, route, k).
/// </summary>
public sealed class FaultOptions
{
    public int Seed { get; set; }

    /// <summary>The profile of every route without its own entry in <see cref="Routes"/>.</summary>
    public FaultProfile Default { get; set; } = FaultProfile.None;

    /// <summary>
    /// Profiles of single routes, keyed by method and route template: <c>"GET /v2/companies"</c>,
    /// <c>"GET /v2/companies/{companyId}"</c> (constraints may be left out), <c>"POST /v2/objects/{object}/records"</c>.
    /// </summary>
    public IDictionary<string, FaultProfile> Routes { get; } = new Dictionary<string, FaultProfile>(StringComparer.Ordinal);

    /// <summary>No fault anywhere.</summary>
    public static FaultOptions None => new();

    /// <summary>Every route fails <paramref name="rate"/> of its requests transiently (see <see cref="FaultProfile.Transient"/>).</summary>
    public static FaultOptions Transient(double rate, int seed = 0) => new() { Seed = seed, Default = FaultProfile.Transient(rate) };

    /// <summary>Checks the profiles and reads the route keys; <see cref="ArgumentException"/> on the first problem.</summary>
    internal FaultSettings ToSettings()
    {
        var settings = FaultSettings.TryCreate(Seed, Default, Routes.Select(pair => new KeyValuePair<string, FaultProfile?>(pair.Key, pair.Value)), out var problem);
        return settings ?? throw new ArgumentException($"Invalid fault options: {problem}", nameof(FaultOptions));
    }
}

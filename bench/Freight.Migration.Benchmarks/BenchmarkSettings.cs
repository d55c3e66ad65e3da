using System.Globalization;

namespace Freight.Migration.Benchmarks;

/// <summary>One benchmark run, as read from the command line.</summary>
internal sealed record BenchmarkSettings(
    long Records, int Seed, double Speed, FaultMix Faults, string? Database, int BatchSize, string SandboxPath, int? ParallelWrites = null)
{
    /// <summary>
    /// Records the Attio connector writes at once: by default its own default (10) times the speed. Speed multiplies the
    /// rate limits but not the latency or a Retry-After, so the writes in flight must grow with it to keep the headroom
    /// 10 writes in flight give at Attio's real 25 writes/s (0.4 s per write).
    /// </summary>
    public int MaxParallelWrites => ParallelWrites ?? (int)Math.Max(1, Math.Round(10 * Speed));

    /// <summary>Attio's write budget in the simulator: its real 25/s times the speed.</summary>
    public int WritesPerSecond => (int)Math.Max(1, Math.Round(25 * Speed));

    /// <summary>Attio's read budget (GETs and query POSTs) in the simulator: its real 100/s times the speed.</summary>
    public int ReadsPerSecond => (int)Math.Max(1, Math.Round(100 * Speed));

    /// <summary>Affinity's per-minute budget in the simulator: its real 900/min times the speed.</summary>
    public int AffinityRequestsPerMinute => (int)Math.Max(1, Math.Round(900 * Speed));

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"records {Records}, seed {Seed}, speed {Speed} (Attio {WritesPerSecond} writes/s, {ReadsPerSecond} reads/s, {MaxParallelWrites} writes in flight; "
        + $"Affinity {AffinityRequestsPerMinute}/min), batch size {BatchSize}, faults {Faults.Describe()}, database {(Database is null ? "SQLite (temporary file)" : "PostgreSQL")}");
}

/// <summary>
/// The faults both simulators inject. <see cref="SandboxRate"/> goes to the sandbox's <c>--faults</c> (its transient mix,
/// <c>FaultProfile.Transient</c>: 40/30/20/10 % of the rate as 5xx, 429, dropped connections and truncated bodies);
/// a <see cref="Profile"/> replaces it on every route through <c>PUT /_sandbox/faults</c> once the sandbox runs.
/// </summary>
internal sealed record FaultMix(string Name, double SandboxRate, FaultProfileBody? Profile)
{
    /// <summary>
    /// The migration target's mix: 5 % 5xx, 2 % 429, 2 % dropped connections (the engine tests' share) and 20–59 ms of
    /// added latency on every request.
    /// </summary>
    public static FaultMix Target { get; } = new("target", 0, new FaultProfileBody(
        ServerErrors: 0.05, RateLimits: 0.02, DroppedConnections: 0.02, LatencyMs: 20, LatencyJitterMs: 40));

    public static FaultMix None { get; } = new("none", 0, null);

    /// <summary>
    /// <c>none</c>; <c>target</c>; a whole-percent rate for the sandbox's own transient mix (0.05 gives 2 % 5xx, 2 % 429,
    /// 1 % dropped connections, no truncated body); or a mix of its own, <c>5xx=0.05,429=0.02,drop=0.01,latency=20,jitter=40</c>
    /// (shares and milliseconds; a key left out is 0, but <c>retry</c>, the injected 5xx's and 429's Retry-After, 1000). Null when the text is none of these.
    /// </summary>
    public static FaultMix? Parse(string text)
    {
        if (text is "none")
        {
            return None;
        }

        if (text is "target")
        {
            return Target;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
        {
            return rate is >= 0 and <= 1 && Math.Abs((rate * 100) - Math.Round(rate * 100)) < 1e-9 ? (rate == 0 ? None : new FaultMix(text, rate, null)) : null;
        }

        var profile = new FaultProfileBody();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Split('=') is not [var key, var value] || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0)
            {
                return null;
            }

            profile = key switch
            {
                "5xx" => profile with { ServerErrors = number },
                "429" => profile with { RateLimits = number },
                "drop" => profile with { DroppedConnections = number },
                "latency" => profile with { LatencyMs = (int)number },
                "jitter" => profile with { LatencyJitterMs = (int)number },
                "retry" => profile with { RetryAfterMs = (int)number },
                _ => null,
            };
            if (profile is null)
            {
                return null;
            }
        }

        return new FaultMix(text, 0, profile);
    }

    public string Describe() => Profile is { } profile
        ? string.Create(CultureInfo.InvariantCulture,
            $"{Name} ({profile.ServerErrors:P0} 5xx, {profile.RateLimits:P0} 429, {profile.DroppedConnections:P0} dropped connections, "
            + $"+{profile.LatencyMs}–{profile.LatencyMs + (profile.LatencyJitterMs * 99 / 100)} ms latency, Retry-After {profile.RetryAfterMs} ms)")
        : SandboxRate > 0 ? string.Create(CultureInfo.InvariantCulture, $"sandbox transient mix at {SandboxRate}") : "none";
}

/// <summary>A fault profile as <c>PUT /_sandbox/faults</c> takes it (snake_case on the wire).</summary>
internal sealed record FaultProfileBody(
    double ServerErrors = 0,
    double RateLimits = 0,
    double DroppedConnections = 0,
    double TruncatedBodies = 0,
    int LatencyMs = 0,
    int LatencyJitterMs = 0,
    int RetryAfterMs = 1000);

namespace Freight.Sandbox.Faults;

/// <summary>
/// The JSON of <c>GET|PUT /_sandbox/faults</c>. A PUT replaces the settings whole: a profile left out is
/// no fault, a field left out has its default, the seed left out stays as it is.
/// </summary>
internal sealed record FaultsDocument(int? Seed, FaultProfileDocument? Default, Dictionary<string, FaultProfileDocument?>? Routes)
{
    public static FaultsDocument From(FaultSettings settings) => new(
        settings.Seed,
        FaultProfileDocument.From(settings.Default),
        settings.Routes.ToDictionary(pair => pair.Key, pair => (FaultProfileDocument?)FaultProfileDocument.From(pair.Value), StringComparer.Ordinal));

    public FaultSettings? ToSettings(int currentSeed, out string? problem)
    {
        FaultProfile? defaultProfile = null;
        if (Default is not null && (problem = Default.ToProfile("default", out defaultProfile)) is not null)
        {
            return null;
        }

        var routes = new List<KeyValuePair<string, FaultProfile?>>();
        foreach (var (key, document) in Routes ?? [])
        {
            FaultProfile? profile = null;
            if (document is not null && (problem = document.ToProfile($"routes[\"{key}\"]", out profile)) is not null)
            {
                return null;
            }

            routes.Add(new(key, profile));
        }

        return FaultSettings.TryCreate(Seed ?? currentSeed, defaultProfile, routes, out problem);
    }
}

/// <summary>A <see cref="FaultProfile"/> in JSON, durations in milliseconds.</summary>
internal sealed record FaultProfileDocument(
    double ServerErrors = 0,
    double RateLimits = 0,
    double DroppedConnections = 0,
    double TruncatedBodies = 0,
    double SlowBodies = 0,
    double LatencyMs = 0,
    double LatencyJitterMs = 0,
    double RetryAfterMs = 1000,
    int SlowBodyChunkBytes = FaultProfile.DefaultSlowBodyChunkBytes,
    double SlowBodyChunkDelayMs = 200)
{
    public static FaultProfileDocument From(FaultProfile profile) => new(
        profile.ServerErrors,
        profile.RateLimits,
        profile.DroppedConnections,
        profile.TruncatedBodies,
        profile.SlowBodies,
        profile.Latency.TotalMilliseconds,
        profile.LatencyJitter.TotalMilliseconds,
        profile.RetryAfter.TotalMilliseconds,
        profile.SlowBodyChunkBytes,
        profile.SlowBodyChunkDelay.TotalMilliseconds);

    /// <summary>The profile, or the reason the document does not describe one.</summary>
    public string? ToProfile(string where, out FaultProfile? profile)
    {
        profile = null;
        (string Name, double Value)[] durations =
        [
            ("latency_ms", LatencyMs), ("latency_jitter_ms", LatencyJitterMs), ("retry_after_ms", RetryAfterMs),
            ("slow_body_chunk_delay_ms", SlowBodyChunkDelayMs),
        ];
        foreach (var (name, value) in durations)
        {
            // Checked before TimeSpan sees it: a huge number would overflow rather than be refused.
            if (!(value >= 0 && value <= FaultProfile.MaxDelay.TotalMilliseconds))
            {
                return $"{where}.{name} must be between 0 and {FaultProfile.MaxDelay.TotalMilliseconds}, not {value}.";
            }
        }

        profile = new FaultProfile
        {
            ServerErrors = ServerErrors,
            RateLimits = RateLimits,
            DroppedConnections = DroppedConnections,
            TruncatedBodies = TruncatedBodies,
            SlowBodies = SlowBodies,
            Latency = TimeSpan.FromMilliseconds(LatencyMs),
            LatencyJitter = TimeSpan.FromMilliseconds(LatencyJitterMs),
            RetryAfter = TimeSpan.FromMilliseconds(RetryAfterMs),
            SlowBodyChunkBytes = SlowBodyChunkBytes,
            SlowBodyChunkDelay = TimeSpan.FromMilliseconds(SlowBodyChunkDelayMs),
        };
        return profile.Problem(where);
    }
}

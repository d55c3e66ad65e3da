namespace Freight.Core.Engine;

/// <summary>How a worker claims, holds and works on jobs.</summary>
public sealed class EngineOptions
{
    /// <summary>This worker's name in leases; unique per process.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long a claim lasts without a heartbeat; another worker resumes the job after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a running job's lease is renewed and its cancel flag read.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an idle worker waits before looking for a job again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Outbound hosts connectors may reach besides the official ones (FREIGHT_OUTBOUND_ALLOWLIST).</summary>
    public string? OutboundAllowlist { get; set; }

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(WorkerId, nameof(WorkerId));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LeaseDuration, TimeSpan.Zero, nameof(LeaseDuration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HeartbeatInterval, TimeSpan.Zero, nameof(HeartbeatInterval));
        if (HeartbeatInterval * 2 > LeaseDuration)
        {
            throw new ArgumentException("HeartbeatInterval must be at most half of LeaseDuration, or leases expire between heartbeats.", nameof(HeartbeatInterval));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
    }
}

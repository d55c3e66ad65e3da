using Freight.Core.Engine;
using Freight.Core.Persistence;
using Microsoft.Extensions.Configuration;

namespace Freight.Core.Hosting;

/// <summary>
/// What every Freight process (<c>serve</c>, <c>worker</c>) reads at start: the <c>Freight</c> section of
/// <c>appsettings.json</c>, where each setting can be replaced by an environment variable named after it
/// (<c>Database</c> ← <c>FREIGHT_DATABASE</c>, <c>LeaseDuration</c> ← <c>FREIGHT_LEASE_DURATION</c>), and then by
/// the command's flags.
/// </summary>
public sealed record FreightSettings
{
    public const string Section = "Freight";

    /// <summary>A SQLite file path, or a SQLite or PostgreSQL connection string (<see cref="FreightDatabase.Parse"/>).</summary>
    public string Database { get; set; } = "freight.db";

    /// <summary>Apply pending database migrations at start. Default: true.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>The Data Protection key ring that encrypts job configs; every process sharing the database must share it.</summary>
    public string? KeyRing { get; set; }

    /// <summary>The secret API keys are hashed with; default: one kept in the key ring directory.</summary>
    public string? ApiKeySecret { get; set; }

    /// <summary>Hosts, addresses or CIDRs the connectors may reach besides the official ones, comma-separated.</summary>
    public string? OutboundAllowlist { get; set; }

    /// <summary>This worker's name in job leases; unique per process. Default: machine, process id and a random part.</summary>
    public string? WorkerId { get; set; }

    /// <summary>How long a job's claim lasts without a heartbeat before another worker may resume it.</summary>
    public TimeSpan LeaseDuration { get; set; } = new EngineOptions().LeaseDuration;

    /// <summary>How often a running job's lease is renewed and its cancel flag read.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = new EngineOptions().HeartbeatInterval;

    /// <summary>How long an idle worker waits before looking for a job again.</summary>
    public TimeSpan PollInterval { get; set; } = new EngineOptions().PollInterval;

    /// <summary>
    /// The settings in <paramref name="configuration"/>'s <see cref="Section"/>, defaults for what is absent.
    /// A value of the wrong form is an <see cref="ArgumentException"/> naming the setting.
    /// </summary>
    public static FreightSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(Section).Get<FreightSettings>() ?? new FreightSettings();
        }
        catch (InvalidOperationException invalid)
        {
            throw new ArgumentException(invalid.Message, invalid);
        }
    }

    /// <summary>Applies these settings to <c>AddFreightPersistence</c>'s options.</summary>
    public void ConfigurePersistence(FreightPersistenceOptions options)
    {
        options.MigrateOnStart = MigrateOnStart;
        options.ApiKeySecret = ApiKeySecret;
        if (!string.IsNullOrWhiteSpace(KeyRing))
        {
            options.KeyRingDirectory = KeyRing;
        }
    }

    internal void ConfigureEngine(EngineOptions options)
    {
        if (!string.IsNullOrWhiteSpace(WorkerId))
        {
            options.WorkerId = WorkerId;
        }

        options.LeaseDuration = LeaseDuration;
        options.HeartbeatInterval = HeartbeatInterval;
        options.PollInterval = PollInterval;
        options.OutboundAllowlist = OutboundAllowlist;
    }
}

using System.Net;
using Freight.Sandbox.Faults;

namespace Freight.Sandbox.Affinity;

/// <summary>How the Affinity simulator authenticates, limits and keeps time.</summary>
public sealed class AffinitySimulatorOptions
{
    /// <summary>Affinity's published per-user budget (CRM_APIS.md A2).</summary>
    public const int RealPerMinuteLimit = 900;

    /// <summary>The only key the simulator accepts as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public string ApiKey { get; set; } = "affinity-sandbox-key";

    /// <summary>
    /// Multiplies both budgets: 10 gives 9000/min and 1M a month, 3.0/900 gives 3/min. Default 1.
    /// </summary>
    public double Speed { get; set; } = 1;

    /// <summary>The account's monthly request budget (Scale and Advanced plans: 100k).</summary>
    public int MonthlyLimit { get; set; } = 100_000;

    /// <summary>A loopback address to listen on (anything else is refused at start).</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Faults injected before the endpoints (none by default); <c>PUT /_sandbox/faults</c> replaces them at run time.</summary>
    public FaultOptions Faults { get; set; } = FaultOptions.None;

    internal int PerMinuteLimit => Scaled(RealPerMinuteLimit);

    internal int MonthlyBudget => Scaled(MonthlyLimit);

    private int Scaled(int limit) => (int)Math.Clamp(Math.Round(limit * Speed), 1, int.MaxValue);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("ApiKey must not be empty.", nameof(ApiKey));
        }

        if (!(Speed > 0) || double.IsInfinity(Speed))
        {
            throw new ArgumentOutOfRangeException(nameof(Speed), Speed, "Speed must be a positive finite number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MonthlyLimit, 1, nameof(MonthlyLimit));
        ArgumentNullException.ThrowIfNull(Address, nameof(Address));
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort, nameof(Port));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(Faults, nameof(Faults));
    }
}

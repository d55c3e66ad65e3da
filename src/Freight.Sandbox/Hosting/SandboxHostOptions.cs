using System.Net;
using Freight.Sandbox.Faults;

namespace Freight.Sandbox.Hosting;

/// <summary>Where a <see cref="SandboxHost"/> listens, which clock its waits use, and what faults it injects.</summary>
public sealed class SandboxHostOptions
{
    /// <summary>A loopback address; the simulators never listen anywhere else.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>The clock of injected latency and slow bodies, and of dates in injected answers.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The faults at start; <c>PUT /_sandbox/faults</c> replaces them.</summary>
    public FaultOptions Faults { get; init; } = FaultOptions.None;

    /// <summary>Writes injected 5xx and 429 answers in the simulated API's error shape, e.g. <see cref="FaultResponders.Affinity"/>.</summary>
    public required IFaultResponder FaultResponder { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Address, nameof(Address));
        if (!IPAddress.IsLoopback(Address))
        {
            throw new ArgumentException($"The simulators listen on loopback only, not on {Address}.", nameof(Address));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort, nameof(Port));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(Faults, nameof(Faults));
        ArgumentNullException.ThrowIfNull(FaultResponder, nameof(FaultResponder));
    }
}

using System.Net;

namespace Freight.Sandbox.Hosting;

/// <summary>Where a <see cref="SandboxHost"/> listens and which clock its waits use.</summary>
public sealed class SandboxHostOptions
{
    /// <summary>A loopback address; the simulators never listen anywhere else.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

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
    }
}

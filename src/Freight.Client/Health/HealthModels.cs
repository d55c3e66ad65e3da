using System.Text.Json;

namespace Freight.Client;

/// <summary>The state of the server or one of its components.</summary>
public enum HealthStatus
{
    /// <summary>Working.</summary>
    Healthy,

    /// <summary>Not working.</summary>
    Unhealthy,

    /// <summary>Not running here (a worker on a server started without one).</summary>
    Disabled,
}

/// <summary><c>GET /health</c>: the overall state and each component's status.</summary>
/// <param name="Status">Unhealthy when any component is.</param>
/// <param name="CheckedAt">When the checks ran.</param>
/// <param name="Components">Each component's status by name.</param>
public sealed record HealthSummary(HealthStatus Status, DateTimeOffset CheckedAt, IReadOnlyDictionary<string, HealthStatus> Components);

/// <summary>The overall state and every component checked, with timings.</summary>
/// <param name="Status">Unhealthy when any component is.</param>
/// <param name="CheckedAt">When the checks ran.</param>
/// <param name="Components">Each component's result.</param>
public sealed record HealthReport(HealthStatus Status, DateTimeOffset CheckedAt, IReadOnlyList<ComponentHealth> Components);

/// <summary>One component's state: how long the check took, what it found, and why when it failed.</summary>
/// <param name="Name">The component, such as <c>database</c>.</param>
/// <param name="Status">Its state.</param>
/// <param name="ResponseTimeMs">How long the check took, in milliseconds.</param>
/// <param name="Message">What the check found.</param>
/// <param name="Details">Extra facts, such as the queue depth.</param>
public sealed record ComponentHealth(string Name, HealthStatus Status, double ResponseTimeMs, string Message, IReadOnlyDictionary<string, JsonElement>? Details = null);

/// <summary><c>GET /health/live</c>: the process answers.</summary>
/// <param name="Status">Always healthy when the server answers.</param>
public sealed record LivenessResponse(HealthStatus Status);

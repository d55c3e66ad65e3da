namespace Freight.Server.Health;

public enum HealthStatus
{
    Healthy,
    Unhealthy,

    /// <summary>Switched off by the operator (the worker when <c>RunWorker</c> is false): not a failure.</summary>
    Disabled,
}

/// <summary>One component's state: how long the check took, what it found, and why when it failed.</summary>
public sealed record ComponentHealth(
    string Name, HealthStatus Status, double ResponseTimeMs, string Message, IReadOnlyDictionary<string, object>? Details = null);

/// <summary>The overall state and every component checked; unhealthy when any component is.</summary>
public sealed record HealthReport(HealthStatus Status, DateTimeOffset CheckedAt, IReadOnlyList<ComponentHealth> Components)
{
    public static HealthReport Of(IReadOnlyList<ComponentHealth> components, DateTimeOffset checkedAt) =>
        new(components.Any(component => component.Status == HealthStatus.Unhealthy) ? HealthStatus.Unhealthy : HealthStatus.Healthy, checkedAt, components);
}

/// <summary><c>GET /health</c>: the overall state and each component's status, without the timings.</summary>
public sealed record HealthSummary(HealthStatus Status, DateTimeOffset CheckedAt, IReadOnlyDictionary<string, HealthStatus> Components)
{
    public static HealthSummary From(HealthReport report) =>
        new(report.Status, report.CheckedAt, report.Components.ToDictionary(component => component.Name, component => component.Status));
}

using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Freight.Connectors;

/// <summary>What every connector is given: the clock its waits use, logging, and where it may connect.</summary>
public sealed record ConnectorContext(TimeProvider TimeProvider, ILoggerFactory LoggerFactory, OutboundPolicy Outbound);

public enum ConnectorRole
{
    Source,
    Target,
}

/// <summary>One setting of a connector's config (a JSON object); <see cref="Secret"/> ones are never shown back.</summary>
public sealed record ConfigField(string Name, string Description, bool Required, bool Secret);

/// <summary>
/// A system Freight can read or write: its name in jobs (<c>source_system</c>, <c>target_system</c>), its config
/// fields, the rate limit it assumes by default, and how to build it from a config. <c>Create</c> throws
/// <see cref="ConnectorConfigException"/> for a config it cannot use.
/// </summary>
public sealed record ConnectorDescriptor(
    string Name,
    ConnectorRole Role,
    string Description,
    IReadOnlyList<ConfigField> ConfigFields,
    string DefaultRateLimit,
    Func<JsonElement, ConnectorContext, ISourceConnector>? CreateSource = null,
    Func<JsonElement, ConnectorContext, ITargetConnector>? CreateTarget = null);

/// <summary>A connector config that cannot be used, with one problem per field.</summary>
public sealed class ConnectorConfigException(IReadOnlyList<ConfigProblem> problems)
    : Exception(string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")))
{
    public IReadOnlyList<ConfigProblem> Problems { get; } = problems;
}

public sealed record ConfigProblem(string Field, string Message);

/// <summary>
/// The connectors by role and name (a system may be both a source and a target under one name); adding a system is
/// one more descriptor. Two descriptors of one role and name are an <see cref="ArgumentException"/>.
/// </summary>
public sealed class ConnectorRegistry
{
    private readonly Dictionary<(ConnectorRole, string), ConnectorDescriptor> _byName = new(RoleAndName.Instance);

    public ConnectorRegistry(IEnumerable<ConnectorDescriptor> descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        foreach (var descriptor in descriptors)
        {
            if (!_byName.TryAdd((descriptor.Role, descriptor.Name), descriptor))
            {
                throw new ArgumentException(
                    $"Two {descriptor.Role.ToString().ToLowerInvariant()} connectors are named '{descriptor.Name}'.", nameof(descriptors));
            }
        }
    }

    public IReadOnlyCollection<ConnectorDescriptor> All => _byName.Values;

    public ConnectorDescriptor? Find(string name, ConnectorRole role) =>
        _byName.TryGetValue((role, name), out var descriptor) ? descriptor : null;

    public ISourceConnector CreateSource(string name, JsonElement config, ConnectorContext context) =>
        (Find(name, ConnectorRole.Source)?.CreateSource ?? throw Unknown(name, ConnectorRole.Source))(config, context);

    public ITargetConnector CreateTarget(string name, JsonElement config, ConnectorContext context) =>
        (Find(name, ConnectorRole.Target)?.CreateTarget ?? throw Unknown(name, ConnectorRole.Target))(config, context);

    private KeyNotFoundException Unknown(string name, ConnectorRole role) =>
        new($"No {role.ToString().ToLowerInvariant()} connector is named '{name}'; known: {string.Join(", ", _byName.Values.Select(d => d.Name.ToLowerInvariant()).Distinct().Order())}.");

    private sealed class RoleAndName : IEqualityComparer<(ConnectorRole Role, string Name)>
    {
        public static readonly RoleAndName Instance = new();

        public bool Equals((ConnectorRole Role, string Name) x, (ConnectorRole Role, string Name) y) =>
            x.Role == y.Role && StringComparer.OrdinalIgnoreCase.Equals(x.Name, y.Name);

        public int GetHashCode((ConnectorRole Role, string Name) obj) =>
            HashCode.Combine(obj.Role, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Name));
    }
}

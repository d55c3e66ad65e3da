using System.Text.Json;
using Freight.Connectors;
using Freight.Core.Hosting;
using Freight.Server.Shared;

namespace Freight.Server.Connectors;

/// <summary>
/// Builds a job's connectors from the configs of a request, as the worker will: the registry's systems, the
/// connectors' own config checks, and the operator's outbound allowlist (SSRF, BRIEF §7). Every refusal becomes a
/// validation detail naming the field, such as <c>source_config.base_url</c>.
/// </summary>
public sealed class ConnectorFactory(ConnectorRegistry registry, FreightSettings settings, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ConnectorContext _context = new(time, loggers, OutboundPolicy.Parse(settings.OutboundAllowlist));

    /// <summary>The source for <paramref name="system"/> and <paramref name="config"/>, or null with the problems added.</summary>
    public ISourceConnector? Source(string system, JsonElement config, Validation validation) =>
        Create(ConnectorRole.Source, system, config, validation, descriptor => descriptor.CreateSource?.Invoke(config, _context));

    /// <summary>The target for <paramref name="system"/> and <paramref name="config"/>, or null with the problems added.</summary>
    public ITargetConnector? Target(string system, JsonElement config, Validation validation) =>
        Create(ConnectorRole.Target, system, config, validation, descriptor => descriptor.CreateTarget?.Invoke(config, _context));

    private T? Create<T>(ConnectorRole role, string system, JsonElement config, Validation validation, Func<ConnectorDescriptor, T?> create)
        where T : class
    {
        var side = role == ConnectorRole.Source ? "source" : "target";
        if (registry.Find(system, role) is not { } descriptor)
        {
            var known = string.Join(", ", registry.All.Where(d => d.Role == role).Select(d => d.Name).Order(StringComparer.Ordinal));
            validation.Add($"{side}_system", "unknown_system", $"{side}_system '{system}' is not a {side} Freight knows; known: {known}.");
            return null;
        }

        try
        {
            return create(descriptor) ?? throw new InvalidOperationException($"The {side} connector '{descriptor.Name}' cannot be created.");
        }
        catch (ConnectorConfigException refused)
        {
            AddProblems(side, refused, validation);
            return null;
        }
    }

    /// <summary>Adds the problems of a refused config, each under <c>{side}_config.{field}</c>.</summary>
    public static void AddProblems(string side, ConnectorConfigException refused, Validation validation)
    {
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(validation);
        foreach (var problem in refused.Problems)
        {
            var field = problem.Field == "config" ? $"{side}_config" : $"{side}_config.{problem.Field}";
            validation.Add(field, "invalid", $"{field}: {problem.Message}");
        }
    }
}

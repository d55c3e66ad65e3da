namespace Freight.Client;

/// <summary>Which end of a job a connector can be.</summary>
public enum ConnectorRole
{
    /// <summary>Records are read from it.</summary>
    Source,

    /// <summary>Records are written to it.</summary>
    Target,
}

/// <summary>The systems a server can migrate from and to.</summary>
/// <param name="Items">The connectors.</param>
public sealed record ConnectorListResponse(IReadOnlyList<ConnectorResponse> Items);

/// <summary>A system jobs can name as <c>source_system</c> or <c>target_system</c>, and the config it takes.</summary>
/// <param name="Name">The name to use in a job.</param>
/// <param name="Role">Source or target.</param>
/// <param name="Description">What it is.</param>
/// <param name="DefaultRateLimit">The rate the connector keeps to by default.</param>
/// <param name="ConfigSchema">The settings its config takes.</param>
public sealed record ConnectorResponse(string Name, ConnectorRole Role, string Description, string DefaultRateLimit, IReadOnlyList<ConfigFieldResponse> ConfigSchema);

/// <summary>One setting of a connector's config.</summary>
/// <param name="Name">The setting's JSON name.</param>
/// <param name="Description">What it is.</param>
/// <param name="Required">Whether a job must give it.</param>
/// <param name="Secret">Whether it is a credential, never shown back.</param>
public sealed record ConfigFieldResponse(string Name, string Description, bool Required, bool Secret);

using Freight.Connectors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Freight.Server.Connectors;

/// <summary>One setting of a connector's config; a <see cref="Secret"/> one is a credential, never shown back.</summary>
public sealed record ConfigFieldResponse(string Name, string Description, bool Required, bool Secret);

/// <summary>A system jobs can name as <c>source_system</c> or <c>target_system</c>, and the config it takes.</summary>
public sealed record ConnectorResponse(
    string Name, ConnectorRole Role, string Description, string DefaultRateLimit, IReadOnlyList<ConfigFieldResponse> ConfigSchema)
{
    public static ConnectorResponse From(ConnectorDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new(
            descriptor.Name,
            descriptor.Role,
            descriptor.Description,
            descriptor.DefaultRateLimit,
            [.. descriptor.ConfigFields.Select(field => new ConfigFieldResponse(field.Name, field.Description, field.Required, field.Secret))]);
    }
}

public sealed record ConnectorListResponse(IReadOnlyList<ConnectorResponse> Items);

/// <summary><c>/api/v1/connectors</c>: the systems this server can migrate from and to.</summary>
public static class ConnectorsEndpoints
{
    public static void MapConnectors(this RouteGroupBuilder tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        tenant.MapGet("/connectors", List).WithTags("Connectors");
    }

    private static Ok<ConnectorListResponse> List(ConnectorRegistry registry) => TypedResults.Ok(new ConnectorListResponse(
        [.. registry.All.OrderBy(connector => connector.Role).ThenBy(connector => connector.Name, StringComparer.Ordinal).Select(ConnectorResponse.From)]));
}

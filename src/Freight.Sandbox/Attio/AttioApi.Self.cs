using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Attio;

public static partial class AttioApi
{
    /// <summary>Scopes of the simulated key: everything the connector needs (B1).</summary>
    private const string Scopes =
        "record_permission:read-write object_configuration:read-write list_entry:read-write "
        + "list_configuration:read-write note:read-write user_management:read";

    private static IResult Self(AttioWorkspace workspace)
    {
        var clientId = AttioIds.Make(IdKind.Client, 1).ToString();
        return TypedResults.Json(
            new SelfDto(
                true,
                Scopes,
                clientId,
                "Bearer",
                null,
                Workspace.CreatedAt.ToUnixTimeSeconds(),
                Workspace.Id,
                clientId,
                "attio.com",
                workspace.Members.Count > 0 ? workspace.Members[0].Id : null,
                Workspace.Id,
                Workspace.Name,
                Workspace.Slug,
                null),
            AttioJson.Options);
    }

    private sealed record SelfDto(
        bool Active,
        string Scope,
        string ClientId,
        string TokenType,
        long? Exp,
        long Iat,
        Guid Sub,
        string Aud,
        string Iss,
        Guid? AuthorizedByWorkspaceMemberId,
        Guid WorkspaceId,
        string WorkspaceName,
        string WorkspaceSlug,
        string? WorkspaceLogoUrl);
}

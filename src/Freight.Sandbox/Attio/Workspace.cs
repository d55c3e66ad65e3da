namespace Freight.Sandbox.Attio;

/// <summary>The simulated workspace's fixed identity: the same on every run.</summary>
internal static class Workspace
{
    public const string Name = "Freight Sandbox";
    public const string Slug = "freight-sandbox";

    public static readonly Guid Id = AttioIds.Make(IdKind.Workspace, 1);

    /// <summary>The API token that every write is attributed to (<c>created_by_actor</c>).</summary>
    public static readonly Guid TokenId = AttioIds.Make(IdKind.Token, 1);

    /// <summary>When the workspace and its standard schema were created.</summary>
    public static readonly DateTimeOffset CreatedAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

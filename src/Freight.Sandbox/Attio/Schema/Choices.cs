namespace Freight.Sandbox.Attio;

/// <summary>A select option of a select attribute.</summary>
internal sealed record SelectOption(Guid Id, string Title, bool IsArchived = false);

/// <summary>A status of a status attribute.</summary>
internal sealed record StatusOption(Guid Id, string Title, bool CelebrationEnabled, string? TargetTimeInStatus, bool IsArchived = false);

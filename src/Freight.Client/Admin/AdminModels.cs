namespace Freight.Client;

/// <summary>Whether a tenant's keys are accepted.</summary>
public enum TenantStatus
{
    /// <summary>Its keys work.</summary>
    Active,

    /// <summary>Its keys are refused.</summary>
    Suspended,
}

/// <summary>The body of a tenant creation.</summary>
/// <param name="Name">A display name.</param>
/// <param name="Slug">A unique short name: lowercase letters, digits and inner hyphens.</param>
public sealed record CreateTenantRequest(string Name, string Slug);

/// <summary>The body of a key issue.</summary>
/// <param name="Name">What the key is for, such as <c>ci</c>.</param>
public sealed record CreateKeyRequest(string Name);

/// <summary>A tenant.</summary>
/// <param name="Id">The tenant's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Slug">Its unique short name.</param>
/// <param name="Status">Whether its keys work.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record TenantResponse(Guid Id, string Name, string Slug, TenantStatus Status, DateTimeOffset CreatedAt);

/// <summary>A tenant just created, with its first key in <see cref="ApiKey"/>: shown this once.</summary>
/// <param name="Id">The tenant's id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Slug">Its unique short name.</param>
/// <param name="Status">Whether its keys work.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ApiKey">The whole first key, to send as <c>X-API-Key</c>.</param>
/// <param name="Key">The first key's metadata.</param>
public sealed record CreatedTenantResponse(Guid Id, string Name, string Slug, TenantStatus Status, DateTimeOffset CreatedAt, string ApiKey, ApiKeyResponse Key);

/// <summary>A key's metadata (never the key itself).</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">What it is for.</param>
/// <param name="Prefix">Its public prefix, to recognise it.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="LastUsedAt">When it was last used, if ever.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
public sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just issued, the whole key in <see cref="ApiKey"/>: shown this once.</summary>
/// <param name="Id">The key's id.</param>
/// <param name="Name">What it is for.</param>
/// <param name="Prefix">Its public prefix.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="ApiKey">The whole key, to send as <c>X-API-Key</c>.</param>
public sealed record IssuedKeyResponse(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, string ApiKey);

namespace Freight.Core.Domain;

/// <summary>A tenant's API key: only its public prefix and a hash of the whole key are stored.</summary>
public sealed class ApiKey
{
    public const int PrefixLength = 8;

    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    /// <summary>The 8 public characters after <c>frt_</c>; unique, used to look the key up.</summary>
    public required string Prefix { get; init; }

    public required byte[] Hash { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static ApiKey Create(Guid tenantId, string prefix, byte[] hash, string name, DateTimeOffset now)
    {
        if (prefix.Length != PrefixLength)
        {
            throw new ArgumentException($"An API key prefix has {PrefixLength} characters.", nameof(prefix));
        }

        return new() { Id = Guid.CreateVersion7(now), TenantId = tenantId, Prefix = prefix, Hash = hash, Name = name, CreatedAt = now };
    }

    /// <summary>Revokes the key; revoking it again keeps the first revocation time.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

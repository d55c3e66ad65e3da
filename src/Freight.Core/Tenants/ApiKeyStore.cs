using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Freight.Core.Domain;
using Freight.Core.Persistence;
using Freight.Core.Persistence.Changes;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Tenants;

/// <summary>How an <c>X-API-Key</c> header fared; the REST API answers each failure with its own 401 message.</summary>
public enum ApiKeyCheck
{
    Valid,

    /// <summary>No key was sent: "API key required".</summary>
    Missing,

    /// <summary>Not shaped like a Freight key: "Invalid API key format".</summary>
    Malformed,

    /// <summary>Unknown, revoked, or its tenant suspended: "Invalid API key".</summary>
    Invalid,
}

/// <summary>The outcome of <see cref="ApiKeyStore.AuthenticateAsync"/>; the ids are set when <see cref="Check"/> is valid.</summary>
public readonly record struct Authentication(ApiKeyCheck Check, Guid TenantId = default, Guid KeyId = default);

/// <summary>A key just issued: <see cref="Secret"/> is the whole key, shown once and stored nowhere.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);

/// <summary>
/// Tenants' API keys: issued, listed, revoked, and checked. A check reads the key's row again whenever anything
/// has committed to the database since it was last read (<see cref="DatabaseChangeStamp"/>), so a revocation by
/// any process holds from the next request on, while a busy key costs no query at all between changes.
/// </summary>
public sealed class ApiKeyStore(
    IDbContextFactory<FreightDbContext> contexts, ApiKeyHasher hasher, DatabaseChangeStamp changes, TimeProvider time)
{
    // How stale a key's last-used time may get, so a busy key costs one write a minute, not one per request.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    // Keys by prefix as last read; null for a prefix no live key of an active tenant has.
    private readonly StampedCache<string, LiveKey?> _keys = new(capacity: 10_000);

    public async Task<Authentication> AuthenticateAsync(string? key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key))
        {
            return new(ApiKeyCheck.Missing);
        }

        if (!ApiKeyHasher.TryGetPrefix(key, out var prefix))
        {
            return new(ApiKeyCheck.Malformed);
        }

        var stamp = await changes.ReadAsync(cancellationToken);
        if (!_keys.TryGet(prefix, stamp, out var found))
        {
            found = await ReadLiveKeyAsync(prefix, cancellationToken);
            _keys.Set(prefix, stamp, found);
        }

        if (found is null || !found.Matches(key, hasher))
        {
            return new(ApiKeyCheck.Invalid);
        }

        var now = time.GetUtcNow();
        if (found.ClaimUse(now, LastUsedResolution))
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            await context.ApiKeys.Where(row => row.Id == found.Id)
                .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.LastUsedAt, now), cancellationToken);
        }

        return new(ApiKeyCheck.Valid, found.TenantId, found.Id);
    }

    /// <summary>A new key for the tenant, or null when there is no such tenant.</summary>
    public async Task<IssuedApiKey?> IssueAsync(Guid tenantId, string name, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await context.Tenants.AnyAsync(tenant => tenant.Id == tenantId, cancellationToken))
        {
            return null;
        }

        return await AddKeyAsync(context, tenantId, name, cancellationToken);
    }

    /// <summary>The tenant's keys, oldest first (hashes included; never the keys themselves, which are not stored).</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.ApiKeys.AsNoTracking().Where(key => key.TenantId == tenantId)
            .OrderBy(key => key.CreatedAt).ThenBy(key => key.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes the tenant's key from the next request on; null when the tenant has no such key.</summary>
    public async Task<ApiKey?> RevokeAsync(Guid tenantId, Guid keyId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await context.ApiKeys.SingleOrDefaultAsync(row => row.Id == keyId && row.TenantId == tenantId, cancellationToken);
        if (key is null)
        {
            return null;
        }

        key.Revoke(time.GetUtcNow());
        await context.SaveChangesAsync(cancellationToken);
        return key;
    }

    private async Task<LiveKey?> ReadLiveKeyAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.ApiKeys.AsNoTracking()
            .Where(row => row.Prefix == prefix && row.RevokedAt == null)
            .Where(row => context.Tenants.Any(tenant => tenant.Id == row.TenantId && tenant.Status == TenantStatus.Active))
            .Select(row => new LiveKey(row.Id, row.TenantId, row.Hash, row.LastUsedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Adds a key in <paramref name="context"/> and saves; a prefix already taken (1 in 62^8) draws again.</summary>
    internal async Task<IssuedApiKey> AddKeyAsync(FreightDbContext context, Guid tenantId, string name, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var secret = ApiKeyHasher.NewKey();
            ApiKeyHasher.TryGetPrefix(secret, out var prefix);
            var key = ApiKey.Create(tenantId, prefix!, hasher.Hash(secret), name, time.GetUtcNow());
            context.ApiKeys.Add(key);
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return new IssuedApiKey(key, secret);
            }
            catch (DbUpdateException duplicate) when (attempt < 3 && DatabaseErrors.IsUniqueViolation(duplicate))
            {
                context.Entry(key).State = EntityState.Detached;
            }
        }
    }
}

/// <summary>A key that is not revoked, of an active tenant, as read from its row.</summary>
internal sealed class LiveKey(Guid id, Guid tenantId, byte[] hash, DateTimeOffset? lastUsedAt)
{
    private long _lastUsedTicks = lastUsedAt?.UtcTicks ?? 0;
    private byte[]? _verified;

    public Guid Id { get; } = id;

    public Guid TenantId { get; } = tenantId;

    public byte[] Hash { get; } = hash;

    /// <summary>
    /// Whether <paramref name="key"/> is this key, in constant time. The last key that hashed to <see cref="Hash"/>
    /// is kept (in memory only, for as long as this row is current) so that the key's next requests cost a
    /// comparison instead of an HMAC.
    /// </summary>
    public bool Matches(string key, ApiKeyHasher hasher)
    {
        var presented = MemoryMarshal.AsBytes(key.AsSpan());
        if (Volatile.Read(ref _verified) is { } verified && CryptographicOperations.FixedTimeEquals(presented, verified))
        {
            return true;
        }

        if (!hasher.Matches(key, Hash))
        {
            return false;
        }

        Volatile.Write(ref _verified, presented.ToArray());
        return true;
    }

    /// <summary>
    /// True for the one caller that should record a use at <paramref name="now"/>: the last one recorded (read from
    /// the row, or by this process since) is <paramref name="resolution"/> old or more.
    /// </summary>
    public bool ClaimUse(DateTimeOffset now, TimeSpan resolution)
    {
        var last = Interlocked.Read(ref _lastUsedTicks);
        return now.UtcTicks - last >= resolution.Ticks
            && Interlocked.CompareExchange(ref _lastUsedTicks, now.UtcTicks, last) == last;
    }
}

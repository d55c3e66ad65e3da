using Freight.Core.Domain;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Idempotency;

/// <summary>
/// Remembers requests made with an <c>Idempotency-Key</c> per tenant for <see cref="Retention"/>, so a replay
/// gets the first answer. The (tenant, key) primary key makes the first of concurrent duplicates the only owner.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<FreightDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private const int MaxAttempts = 3;

    /// <summary>
    /// Records the key as in progress and returns null when this request is the first with it (go ahead, then
    /// <see cref="CompleteAsync"/> or <see cref="AbandonAsync"/>). Otherwise returns the earlier request's record:
    /// a different <see cref="IdempotencyRecord.RequestHash"/> means the key was reused (422), an incomplete
    /// record a concurrent duplicate (409), a completed one the answer to replay.
    /// </summary>
    public async Task<IdempotencyRecord?> BeginAsync(Guid tenantId, string key, string requestHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, IdempotencyRecord.MaxKeyLength, nameof(key));
        ArgumentException.ThrowIfNullOrEmpty(requestHash);
        for (var attempt = 1; ; attempt++)
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow();
            await context.IdempotencyRecords
                .Where(record => record.TenantId == tenantId && record.Key == key && record.ExpiresAt <= now)
                .ExecuteDeleteAsync(cancellationToken);
            context.IdempotencyRecords.Add(new IdempotencyRecord
            {
                TenantId = tenantId,
                Key = key,
                RequestHash = requestHash,
                CreatedAt = now,
                ExpiresAt = now + Retention,
            });
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                context.ChangeTracker.Clear();
                var existing = await context.IdempotencyRecords.AsNoTracking()
                    .SingleOrDefaultAsync(record => record.TenantId == tenantId && record.Key == key, cancellationToken);
                if (existing is not null || attempt == MaxAttempts)
                {
                    return existing ?? throw new InvalidOperationException($"Idempotency key '{key}' is contended.", exception);
                }
            }
        }
    }

    /// <summary>Stores the answer to replay for the key.</summary>
    public async Task CompleteAsync(Guid tenantId, string key, int statusCode, string? responseBody, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.IdempotencyRecords.Where(record => record.TenantId == tenantId && record.Key == key).ExecuteUpdateAsync(
            setters => setters.SetProperty(record => record.StatusCode, statusCode).SetProperty(record => record.ResponseBody, responseBody),
            cancellationToken);
    }

    /// <summary>Forgets an in-progress key whose request failed without an answer worth replaying.</summary>
    public async Task AbandonAsync(Guid tenantId, string key, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.IdempotencyRecords
            .Where(record => record.TenantId == tenantId && record.Key == key && record.StatusCode == null)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes expired records; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        return await context.IdempotencyRecords.Where(record => record.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}

using System.Text.RegularExpressions;
using Freight.Core.Domain;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Core.Tenants;

/// <summary>The outcome of <see cref="TenantStore.CreateAsync"/>: the tenant and its first key, or the slug was taken.</summary>
public sealed record TenantCreation(Tenant? Tenant, IssuedApiKey? FirstKey)
{
    public bool SlugTaken => Tenant is null;
}

/// <summary>Tenants, created by the operator with their first API key.</summary>
public sealed partial class TenantStore(IDbContextFactory<FreightDbContext> contexts, ApiKeyStore keys, TimeProvider time)
{
    public const int MaxNameLength = 200;
    public const int MaxSlugLength = 63;

    /// <summary>Lowercase letters, digits and inner hyphens, 1–63 characters: safe in URLs and logs.</summary>
    public static bool IsValidSlug(string slug) => slug.Length <= MaxSlugLength && SlugPattern().IsMatch(slug);

    /// <summary>Creates the tenant and a first key named "default" in one transaction.</summary>
    public async Task<TenantCreation> CreateAsync(string name, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!IsValidSlug(slug))
        {
            throw new ArgumentException($"'{slug}' is not a valid slug.", nameof(slug));
        }

        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var tenant = Tenant.Create(name.Trim(), slug, time.GetUtcNow());
        context.Tenants.Add(tenant);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException duplicate) when (DatabaseErrors.IsUniqueViolation(duplicate))
        {
            return new TenantCreation(null, null);
        }

        var key = await keys.AddKeyAsync(context, tenant.Id, "default", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TenantCreation(tenant, key);
    }

    public async Task<Tenant?> FindAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.Tenants.AsNoTracking().SingleOrDefaultAsync(tenant => tenant.Id == tenantId, cancellationToken);
    }

    /// <summary>Tenants, oldest first.</summary>
    public async Task<Page<Tenant>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        Page<Tenant>.Validate(offset, limit);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await context.Tenants.CountAsync(cancellationToken);
        var items = await context.Tenants.AsNoTracking().OrderBy(tenant => tenant.CreatedAt).ThenBy(tenant => tenant.Id)
            .Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new Page<Tenant>(items, total, offset, limit);
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

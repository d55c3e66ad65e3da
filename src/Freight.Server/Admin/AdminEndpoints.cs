using Freight.Core.Domain;
using Freight.Core.Tenants;
using Freight.Server.Auth;
using Freight.Server.Errors;
using Freight.Server.OpenApi;
using Freight.Server.Shared;

namespace Freight.Server.Admin;

public sealed record CreateTenantRequest(string? Name, string? Slug);

public sealed record CreateKeyRequest(string? Name);

public sealed record TenantResponse(Guid Id, string Name, string Slug, TenantStatus Status, DateTimeOffset CreatedAt)
{
    public static TenantResponse From(Tenant tenant) => new(tenant.Id, tenant.Name, tenant.Slug, tenant.Status, tenant.CreatedAt);
}

/// <summary>A tenant just created, with its first key in <see cref="ApiKey"/>: shown this once.</summary>
public sealed record CreatedTenantResponse(Guid Id, string Name, string Slug, TenantStatus Status, DateTimeOffset CreatedAt, string ApiKey, ApiKeyResponse Key);

public sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>A key just issued, the whole key in <see cref="ApiKey"/>: shown this once.</summary>
public sealed record IssuedKeyResponse(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, string ApiKey);

/// <summary><c>/api/v1/admin</c>: tenants and their API keys, behind the operator's <c>X-Admin-Key</c>.</summary>
public static class AdminEndpoints
{
    private const int MaxKeyNameLength = 100;

    public static void MapAdmin(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var admin = api.MapGroup("/admin").RequireAdminKey().ProducesErrors(StatusCodes.Status401Unauthorized).WithTags("Admin");
        admin.MapPost("/tenants", CreateTenantAsync).Produces<CreatedTenantResponse>(StatusCodes.Status201Created).ProducesErrors(StatusCodes.Status409Conflict);
        admin.MapGet("/tenants", ListTenantsAsync).Produces<PageResponse<TenantResponse>>();
        admin.MapGet("/tenants/{tenantId:guid}", GetTenantAsync).Produces<TenantResponse>();
        admin.MapPost("/tenants/{tenantId:guid}/keys", IssueKeyAsync).Produces<IssuedKeyResponse>(StatusCodes.Status201Created);
        admin.MapGet("/tenants/{tenantId:guid}/keys", ListKeysAsync).Produces<List<ApiKeyResponse>>();
        admin.MapDelete("/tenants/{tenantId:guid}/keys/{keyId:guid}", RevokeKeyAsync).Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> CreateTenantAsync(CreateTenantRequest body, TenantStore tenants, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = validation.RequiredText("name", body.Name, TenantStore.MaxNameLength);
        var slug = validation.RequiredText("slug", body.Slug, TenantStore.MaxSlugLength);
        if (slug is not null && !TenantStore.IsValidSlug(slug))
        {
            validation.Add("slug", "invalid", "slug must be lowercase letters, digits and inner hyphens.");
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var creation = await tenants.CreateAsync(name!, slug!, cancellationToken);
        if (creation.SlugTaken)
        {
            return Problems.Conflict($"The slug {ClientText.Quote(slug)} is taken.");
        }

        var (tenant, key) = (creation.Tenant!, creation.FirstKey!);
        return TypedResults.Created(
            $"/api/v1/admin/tenants/{tenant.Id}",
            new CreatedTenantResponse(tenant.Id, tenant.Name, tenant.Slug, tenant.Status, tenant.CreatedAt, key.Secret, ApiKeyResponse.From(key.Key)));
    }

    private static async Task<IResult> ListTenantsAsync(HttpRequest request, TenantStore tenants, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var paging = Paging.Read(request, validation);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var page = await tenants.ListAsync(paging.Offset, paging.Limit, cancellationToken);
        return TypedResults.Ok(PageResponse.From(page, TenantResponse.From));
    }

    private static async Task<IResult> GetTenantAsync(Guid tenantId, TenantStore tenants, CancellationToken cancellationToken) =>
        await tenants.FindAsync(tenantId, cancellationToken) is { } tenant
            ? TypedResults.Ok(TenantResponse.From(tenant))
            : Problems.NotFound($"No tenant {tenantId}.");

    private static async Task<IResult> IssueKeyAsync(Guid tenantId, CreateKeyRequest body, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = validation.RequiredText("name", body.Name, MaxKeyNameLength);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (await keys.IssueAsync(tenantId, name!, cancellationToken) is not { } issued)
        {
            return Problems.NotFound($"No tenant {tenantId}.");
        }

        return TypedResults.Created(
            $"/api/v1/admin/tenants/{tenantId}/keys/{issued.Key.Id}",
            new IssuedKeyResponse(issued.Key.Id, issued.Key.Name, issued.Key.Prefix, issued.Key.CreatedAt, issued.Secret));
    }

    private static async Task<IResult> ListKeysAsync(Guid tenantId, TenantStore tenants, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        if (await tenants.FindAsync(tenantId, cancellationToken) is null)
        {
            return Problems.NotFound($"No tenant {tenantId}.");
        }

        return TypedResults.Ok((await keys.ListAsync(tenantId, cancellationToken)).Select(ApiKeyResponse.From).ToList());
    }

    private static async Task<IResult> RevokeKeyAsync(Guid tenantId, Guid keyId, ApiKeyStore keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(tenantId, keyId, cancellationToken) is not null
            ? TypedResults.NoContent()
            : Problems.NotFound($"Tenant {tenantId} has no key {keyId}.");
}

using Freight.Http;

namespace Freight.Client;

/// <summary><c>/api/v1/admin</c>: tenants and their API keys, behind the operator's <c>X-Admin-Key</c>.</summary>
public sealed class AdminClient
{
    private const string Tenants = "api/v1/admin/tenants";
    private readonly FreightConnection _connection;

    internal AdminClient(FreightConnection connection) => _connection = connection;

    /// <summary><c>POST /api/v1/admin/tenants</c>: creates a tenant and its first key (201); a taken slug is a 409. Not retried.</summary>
    public Task<ApiResult<CreatedTenantResponse>> CreateTenantAsync(CreateTenantRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Send<CreatedTenantResponse>(ApiRequest.Post(Tenants, request), cancellationToken);
    }

    /// <summary><c>GET /api/v1/admin/tenants</c>: one page of tenants.</summary>
    /// <param name="limit">Page size, 1 to 1000 (server default 100).</param>
    /// <param name="offset">Tenants to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiResult<Page<TenantResponse>>> ListTenantsAsync(int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        Send<Page<TenantResponse>>(ApiRequest.Get(Tenants).Page(limit, offset), cancellationToken);

    /// <summary>Every tenant, page after page.</summary>
    /// <exception cref="ApiException">A page could not be read.</exception>
    public IAsyncEnumerable<TenantResponse> ListAllTenantsAsync(int pageSize = Query.DefaultPageSize, CancellationToken cancellationToken = default) =>
        _connection.Api.All<TenantResponse>(_connection.AsAdmin(ApiRequest.Get(Tenants)), pageSize, cancellationToken);

    /// <summary><c>GET /api/v1/admin/tenants/{id}</c>: one tenant.</summary>
    public Task<ApiResult<TenantResponse>> GetTenantAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        Send<TenantResponse>(ApiRequest.Get($"{Tenants}/{tenantId}"), cancellationToken);

    /// <summary><c>POST /api/v1/admin/tenants/{id}/keys</c>: issues a key (201); the whole key is in the answer only. Not retried.</summary>
    public Task<ApiResult<IssuedKeyResponse>> IssueKeyAsync(Guid tenantId, CreateKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Send<IssuedKeyResponse>(ApiRequest.Post($"{Tenants}/{tenantId}/keys", request), cancellationToken);
    }

    /// <summary><c>GET /api/v1/admin/tenants/{id}/keys</c>: the tenant's keys, revoked ones included.</summary>
    public Task<ApiResult<IReadOnlyList<ApiKeyResponse>>> ListKeysAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        Send<IReadOnlyList<ApiKeyResponse>>(ApiRequest.Get($"{Tenants}/{tenantId}/keys"), cancellationToken);

    /// <summary><c>DELETE /api/v1/admin/tenants/{id}/keys/{keyId}</c>: revokes a key, at once (204).</summary>
    public Task<ApiResult> RevokeKeyAsync(Guid tenantId, Guid keyId, CancellationToken cancellationToken = default) =>
        _connection.Api.SendAsync(_connection.AsAdmin(ApiRequest.Delete($"{Tenants}/{tenantId}/keys/{keyId}")), cancellationToken);

    private Task<ApiResult<T>> Send<T>(ApiRequest request, CancellationToken cancellationToken) =>
        _connection.Api.SendAsync<T>(_connection.AsAdmin(request), cancellationToken);
}

namespace Freight.Client.Tests.Contract;

/// <summary>
/// Every operation of <c>api/openapi.json</c> and the SDK methods that call it (<c>Resource.Method</c> on
/// <see cref="FreightClient"/>), with the SDK type its 2xx body is read into. A new route in the contract fails
/// <see cref="ContractTests"/> until it is added here with its method, or to <see cref="WithoutSdkMethod"/> with a reason.
/// </summary>
internal static class OperationMap
{
    public static readonly IReadOnlyList<Operation> Operations =
    [
        new("POST", "/api/v1/jobs", typeof(JobResponse), "Jobs.CreateAsync"),
        new("GET", "/api/v1/jobs", typeof(Page<JobResponse>), "Jobs.ListAsync", "Jobs.ListAllAsync"),
        new("GET", "/api/v1/jobs/{jobId}", typeof(JobResponse), "Jobs.GetAsync"),
        new("POST", "/api/v1/jobs/{jobId}/cancel", typeof(JobResponse), "Jobs.CancelAsync"),
        new("POST", "/api/v1/jobs/{jobId}/retry", typeof(RetryResponse), "Jobs.RetryAsync"),
        new("GET", "/api/v1/jobs/{jobId}/batches", typeof(Page<BatchResponse>), "Jobs.ListBatchesAsync", "Jobs.ListAllBatchesAsync"),
        new("GET", "/api/v1/jobs/{jobId}/logs", typeof(Page<LogResponse>), "Jobs.ListLogsAsync", "Jobs.ListAllLogsAsync"),
        new("GET", "/api/v1/jobs/{jobId}/failures", typeof(Page<FailureResponse>), "Jobs.ListFailuresAsync", "Jobs.ListAllFailuresAsync"),
        new("GET", "/api/v1/jobs/{jobId}/events", typeof(JobResponse), "Jobs.EventsAsync"),
        new("POST", "/api/v1/admin/tenants", typeof(CreatedTenantResponse), "Admin.CreateTenantAsync"),
        new("GET", "/api/v1/admin/tenants", typeof(Page<TenantResponse>), "Admin.ListTenantsAsync", "Admin.ListAllTenantsAsync"),
        new("GET", "/api/v1/admin/tenants/{tenantId}", typeof(TenantResponse), "Admin.GetTenantAsync"),
        new("POST", "/api/v1/admin/tenants/{tenantId}/keys", typeof(IssuedKeyResponse), "Admin.IssueKeyAsync"),
        new("GET", "/api/v1/admin/tenants/{tenantId}/keys", typeof(IReadOnlyList<ApiKeyResponse>), "Admin.ListKeysAsync"),
        new("DELETE", "/api/v1/admin/tenants/{tenantId}/keys/{keyId}", null, "Admin.RevokeKeyAsync"),
        new("GET", "/api/v1/stats", typeof(StatsResponse), "Stats.GetAsync"),
        new("GET", "/api/v1/connectors", typeof(ConnectorListResponse), "Connectors.ListAsync"),
        new("GET", "/health", typeof(HealthSummary), "Health.GetAsync"),
        new("GET", "/health/all", typeof(HealthReport), "Health.GetAllAsync"),
        new("GET", "/health/live", typeof(LivenessResponse), "Health.LiveAsync"),
        new("GET", "/health/ready", typeof(HealthReport), "Health.ReadyAsync"),
        new("GET", "/health/{component}", typeof(ComponentHealth), "Health.GetComponentAsync"),
        new("GET", "/metrics", typeof(string), "Metrics.GetTextAsync"),
    ];

    /// <summary>Operations the SDK leaves out on purpose, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> WithoutSdkMethod = new Dictionary<string, string>();

    /// <summary>An operation, the SDK record of its 2xx JSON body (none for a bodiless answer), and its SDK methods.</summary>
    public sealed record Operation(string Method, string Path, Type? Response, params string[] SdkMethods)
    {
        public string Key => $"{Method} {Path}";
    }
}

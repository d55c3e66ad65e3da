using Freight.Core.Domain;
using Freight.Core.Jobs;

namespace Freight.Core.Tests.Databases;

/// <summary>Builds the rows a test starts from, through the same code paths the service uses.</summary>
internal static class Seed
{
    public const string SourceSecret = "affinity-key-5f1c9a7e-source-secret";
    public const string TargetSecret = "attio-token-0b3d2e44-target-secret";

    public static async Task<Tenant> TenantAsync(this TestDatabase db, string? slug = null)
    {
        var tenant = Tenant.Create("Acme", slug ?? "acme-" + Guid.NewGuid().ToString("N")[..8], db.Time.GetUtcNow());
        await using var context = db.NewContext();
        context.Tenants.Add(tenant);
        await context.SaveChangesAsync();
        return tenant;
    }

    public static NewJob NewJob(Guid tenantId, string? idempotencyKey = null) => new()
    {
        TenantId = tenantId,
        SourceSystem = "affinity",
        TargetSystem = "attio",
        SourceConfig = $$"""{"api_key":"{{SourceSecret}}"}""",
        TargetConfig = $$"""{"access_token":"{{TargetSecret}}"}""",
        IdempotencyKey = idempotencyKey,
        RequestHash = idempotencyKey is null ? null : "hash-" + idempotencyKey,
    };

    public static async Task<Job> JobAsync(this TestDatabase db, Guid tenantId, IReadOnlyList<Phase>? entities = null)
    {
        var creation = await db.Get<JobStore>().CreateAsync(NewJob(tenantId) with { Entities = entities ?? [] });
        return creation.Job;
    }

    /// <summary>A tenant with one job, claimed by <paramref name="workerId"/> for five minutes.</summary>
    public static async Task<Job> ClaimedJobAsync(this TestDatabase db, string workerId = "worker-a", IReadOnlyList<Phase>? entities = null)
    {
        var tenant = await db.TenantAsync();
        await db.JobAsync(tenant.Id, entities);
        var claimed = await db.Get<JobQueue>().ClaimNextAsync(workerId, TimeSpan.FromMinutes(5));
        return claimed ?? throw new InvalidOperationException("The job was not claimable.");
    }
}

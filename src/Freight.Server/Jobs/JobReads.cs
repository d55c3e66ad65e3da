using System.Text.Json;
using Freight.Core.Jobs;
using Freight.Core.Persistence.Changes;
using Freight.Server.Hosting;

namespace Freight.Server.Jobs;

/// <summary>A job as <c>GET /api/v1/jobs/{id}</c> answers it: the JSON body and its ETag.</summary>
public sealed record JobRead(string ETag, byte[] Json);

/// <summary>
/// Reads jobs for <c>GET /api/v1/jobs/{id}</c>, keeping each rendered answer until anything commits to the
/// database (<see cref="DatabaseChangeStamp"/>): a job polled while nothing changes is answered without a query,
/// and any change, by this process or another, is seen by the next read.
/// </summary>
public sealed class JobReads(JobStore jobs, DatabaseChangeStamp changes)
{
    // A tenant's job as last read; null when the tenant has no such job.
    private readonly StampedCache<(Guid TenantId, Guid JobId), JobRead?> _reads = new(capacity: 10_000);

    /// <summary>The tenant's job, or null when it has none with that id.</summary>
    public async Task<JobRead?> FindAsync(Guid tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        var stamp = await changes.ReadAsync(cancellationToken);
        if (!_reads.TryGet((tenantId, jobId), stamp, out var read))
        {
            read = await jobs.FindAsync(tenantId, jobId, cancellationToken) is { } job
                ? new JobRead(JobsEndpoints.ETagOf(job), JsonSerializer.SerializeToUtf8Bytes(JobResponse.From(job), ServerJson.Options))
                : null;
            _reads.Set((tenantId, jobId), stamp, read);
        }

        return read;
    }
}

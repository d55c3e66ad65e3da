using System.Text.Json;
using Freight.Core.Jobs;
using Freight.Core.Persistence.Changes;
using Freight.Server.Auth;
using Freight.Server.Hosting;

namespace Freight.Server.Jobs;

/// <summary>A job as <c>GET /api/v1/jobs/{id}</c> answers it: the JSON body and its ETag; written as it is.</summary>
public sealed record JobRead(string ETag, byte[] Json) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = Json.Length;
        return response.Body.WriteAsync(Json).AsTask();
    }
}

/// <summary>
/// Reads jobs for <c>GET /api/v1/jobs/{id}</c>, keeping each rendered answer until anything commits to the
/// database (<see cref="DatabaseChangeStamp"/>): a job polled while nothing changes is answered without a query,
/// and any change, by this process or another, is seen by the next request.
/// </summary>
public sealed class JobReads(JobStore jobs)
{
    // A tenant's job as last read; null when the tenant has no such job.
    private readonly StampedCache<(Guid TenantId, Guid JobId), JobRead?> _reads = new(capacity: 10_000);

    /// <summary>The caller's job, or null when its tenant has none with that id; as fresh as the caller's stamp.</summary>
    public async Task<JobRead?> FindAsync(Caller caller, Guid jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (tenantId, stamp) = (caller.TenantId, caller.Stamp);
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

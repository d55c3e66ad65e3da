using Freight.Core;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Server.Auth;
using Freight.Server.Errors;
using Freight.Server.Shared;

namespace Freight.Server.Jobs;

/// <summary><c>/api/v1/jobs</c>: a tenant's migration jobs. Another tenant's job id is a 404, like an unknown one.</summary>
public static class JobsEndpoints
{
    public static void MapJobs(this RouteGroupBuilder tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var jobs = tenant.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapGet("/", ListAsync).Produces<PageResponse<JobResponse>>();
        jobs.MapGet("/{jobId:guid}", GetAsync).Produces<JobResponse>();
    }

    private static async Task<IResult> ListAsync(HttpContext context, JobStore jobs, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var paging = Paging.Read(context.Request, validation);
        JobStatus? status = null;
        if (context.Request.Query["status"].FirstOrDefault() is { } raw)
        {
            if (SnakeCase.TryParse<JobStatus>(raw, out var parsed))
            {
                status = parsed;
            }
            else
            {
                validation.Add("status", "invalid", $"status must be one of {SnakeCase.List<JobStatus>()}.");
            }
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var page = await jobs.ListAsync(context.Caller().TenantId, status, paging.Offset, paging.Limit, cancellationToken);
        return TypedResults.Ok(PageResponse.From(page, JobResponse.From));
    }

    private static async Task<IResult> GetAsync(Guid jobId, HttpContext context, JobStore jobs, CancellationToken cancellationToken) =>
        await jobs.FindAsync(context.Caller().TenantId, jobId, cancellationToken) is { } job
            ? TypedResults.Ok(JobResponse.From(job))
            : Problems.NotFound($"No job {jobId}.");
}

using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Server.Auth;
using Freight.Server.Errors;
using Freight.Server.OpenApi;
using Freight.Server.Shared;
using Microsoft.Net.Http.Headers;

namespace Freight.Server.Jobs;

/// <summary>The answer to a retry: how many batches went back to the queue, and the job as it is now.</summary>
public sealed record RetryResponse(int BatchesQueuedForRetry, JobResponse Job);

/// <summary><c>/api/v1/jobs</c>: a tenant's migration jobs. Another tenant's job id is a 404, like an unknown one.</summary>
public static class JobsEndpoints
{
    public static void MapJobs(this RouteGroupBuilder tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var jobs = tenant.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapPost("/", JobCreation.CreateAsync).Produces<JobResponse>(StatusCodes.Status201Created).ProducesErrors(StatusCodes.Status409Conflict);
        jobs.MapGet("/", ListAsync).Produces<PageResponse<JobResponse>>();
        jobs.MapGet("/{jobId:guid}", GetAsync).Produces<JobResponse>().Produces(StatusCodes.Status304NotModified);
        jobs.MapPost("/{jobId:guid}/cancel", CancelAsync).Produces<JobResponse>().ProducesErrors(StatusCodes.Status409Conflict);
        jobs.MapPost("/{jobId:guid}/retry", RetryAsync).Produces<RetryResponse>().ProducesErrors(StatusCodes.Status409Conflict);
        jobs.MapJobDetails();
        jobs.MapGet("/{jobId:guid}/events", JobEvents.StreamAsync).Produces<JobResponse>(StatusCodes.Status200OK, "text/event-stream");
    }

    /// <summary>The job's ETag: its <see cref="Job.Version"/>, which changes whenever what the API shows of it does.</summary>
    public static string ETagOf(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return $"\"{job.Version}\"";
    }

    private static async Task<IResult> ListAsync(HttpContext context, JobStore jobs, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var paging = Paging.Read(context.Request, validation);
        var status = validation.Filter<JobStatus>("status", context.Request.Query["status"].FirstOrDefault());
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var page = await jobs.ListAsync(context.Caller().TenantId, status, paging.Offset, paging.Limit, cancellationToken);
        return TypedResults.Ok(PageResponse.From(page, JobResponse.From));
    }

    private static async Task<IResult> GetAsync(Guid jobId, HttpContext context, JobReads reads, CancellationToken cancellationToken)
    {
        if (await reads.FindAsync(context.Caller().TenantId, jobId, cancellationToken) is not { } job)
        {
            return NotFound(jobId);
        }

        context.Response.Headers.ETag = job.ETag;
        return Matches(context.Request, job.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(job.Json, JsonContentType);
    }

    private static async Task<IResult> CancelAsync(Guid jobId, HttpContext context, JobStore jobs, CancellationToken cancellationToken)
    {
        try
        {
            return await jobs.RequestCancelAsync(context.Caller().TenantId, jobId, cancellationToken) is { } job
                ? TypedResults.Ok(JobResponse.From(job))
                : NotFound(jobId);
        }
        catch (StateTransitionException refused)
        {
            return Problems.Conflict(refused.Message);
        }
    }

    private static async Task<IResult> RetryAsync(Guid jobId, HttpContext context, JobStore jobs, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var failedOnly = validation.Flag("retry_failed_only", context.Request.Query["retry_failed_only"].FirstOrDefault(), fallback: true);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var tenantId = context.Caller().TenantId;
        int? queued;
        try
        {
            queued = await jobs.RetryAsync(tenantId, jobId, failedOnly, cancellationToken);
        }
        catch (StateTransitionException refused)
        {
            return Problems.Conflict(refused.Message);
        }

        return queued is { } count && await jobs.FindAsync(tenantId, jobId, cancellationToken) is { } job
            ? TypedResults.Ok(new RetryResponse(count, JobResponse.From(job)))
            : NotFound(jobId);
    }

    // What TypedResults.Ok writes for a JSON body, so a cached answer is byte for byte the one it replaces.
    private const string JsonContentType = "application/json; charset=utf-8";

    internal static IResult NotFound(Guid jobId) => Problems.NotFound($"No job {jobId}.");

    private static bool Matches(HttpRequest request, string etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.Equals(etag, StringComparison.Ordinal));
}

using Freight.Core.Batches;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Core.Logs;
using Freight.Server.Auth;
using Freight.Server.Shared;

namespace Freight.Server.Jobs;

public sealed record BatchResponse(
    Guid Id, Phase Phase, int Sequence, BatchStatus Status, int Attempts, int RecordCount, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt)
{
    public static BatchResponse From(BatchSummary batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(batch.Id, batch.Phase, batch.Sequence, batch.Status, batch.Attempts, batch.RecordCount, batch.Error,
            batch.CreatedAt, batch.StartedAt, batch.CompletedAt);
    }
}

public sealed record LogResponse(long Id, JobLogLevel Level, string Message, Phase? Entity, Guid? BatchId, DateTimeOffset CreatedAt)
{
    public static LogResponse From(JobLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new(log.Id, log.Level, log.Message, log.Entity, log.BatchId, log.CreatedAt);
    }
}

/// <summary>
/// A record that could not be migrated: where and why, without the record itself. The payload is the customer's
/// CRM data (names, emails, notes); the source id finds it in the source, and leaving it out keeps personal data
/// out of responses, proxies and client logs.
/// </summary>
public sealed record FailureResponse(
    long Id, Phase Entity, string SourceId, Guid? BatchId, FailureOrigin Origin, string Code, string Message, bool Retryable, DateTimeOffset CreatedAt)
{
    public static FailureResponse From(FailedRecord failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new(failure.Id, failure.Entity, failure.SourceId, failure.BatchId, failure.Origin, failure.ErrorCode, failure.Message,
            failure.Retryable, failure.CreatedAt);
    }
}

/// <summary><c>/api/v1/jobs/{id}/batches</c>, <c>/logs</c> and <c>/failures</c>: a job's inside, paginated like every list.</summary>
internal static class JobDetailsEndpoints
{
    public static void MapJobDetails(this RouteGroupBuilder jobs)
    {
        jobs.MapGet("/{jobId:guid}/batches", BatchesAsync).Produces<PageResponse<BatchResponse>>();
        jobs.MapGet("/{jobId:guid}/logs", LogsAsync).Produces<PageResponse<LogResponse>>();
        jobs.MapGet("/{jobId:guid}/failures", FailuresAsync).Produces<PageResponse<FailureResponse>>();
    }

    private static Task<IResult> BatchesAsync(Guid jobId, HttpContext context, JobStore jobs, BatchStore batches, CancellationToken cancellationToken) =>
        ListAsync<BatchStatus, BatchSummary, BatchResponse>(jobId, context, jobs, "status", BatchResponse.From,
            (tenant, status, paging) => batches.ListAsync(tenant, jobId, status, paging.Offset, paging.Limit, cancellationToken), cancellationToken);

    private static Task<IResult> LogsAsync(Guid jobId, HttpContext context, JobStore jobs, JobLogStore logs, CancellationToken cancellationToken) =>
        ListAsync<JobLogLevel, JobLog, LogResponse>(jobId, context, jobs, "level", LogResponse.From,
            (tenant, level, paging) => logs.ListAsync(tenant, jobId, level, paging.Offset, paging.Limit, cancellationToken), cancellationToken);

    private static Task<IResult> FailuresAsync(Guid jobId, HttpContext context, JobStore jobs, FailedRecordStore failures, CancellationToken cancellationToken) =>
        ListAsync<Phase, FailedRecord, FailureResponse>(jobId, context, jobs, "entity", FailureResponse.From,
            (tenant, entity, paging) => failures.ListAsync(tenant, jobId, entity, paging.Offset, paging.Limit, cancellationToken), cancellationToken);

    /// <summary>Reads paging and the filter, answers 404 for a job the tenant does not have, then one page.</summary>
    private static async Task<IResult> ListAsync<TFilter, TItem, TResponse>(
        Guid jobId,
        HttpContext context,
        JobStore jobs,
        string filter,
        Func<TItem, TResponse> map,
        Func<Guid, TFilter?, Paging, Task<Core.Page<TItem>>> read,
        CancellationToken cancellationToken)
        where TFilter : struct, Enum
    {
        var validation = new Validation();
        var paging = Paging.Read(context.Request, validation);
        var value = validation.Filter<TFilter>(filter, context.Request.Query[filter].FirstOrDefault());
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var tenantId = context.Caller().TenantId;
        if (await jobs.FindAsync(tenantId, jobId, cancellationToken) is null)
        {
            return JobsEndpoints.NotFound(jobId);
        }

        return TypedResults.Ok(PageResponse.From(await read(tenantId, value, paging), map));
    }
}

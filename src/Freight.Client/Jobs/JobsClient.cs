using System.Net;
using Freight.Http;

namespace Freight.Client;

/// <summary><c>/api/v1/jobs</c>: a tenant's migration jobs. Another tenant's job is a 404, like an unknown one.</summary>
public sealed partial class JobsClient
{
    private const string Jobs = "api/v1/jobs";
    private readonly FreightConnection _connection;

    internal JobsClient(FreightConnection connection) => _connection = connection;

    /// <summary><c>POST /api/v1/jobs</c>: creates a job (201). Without <paramref name="idempotencyKey"/> it is never retried.</summary>
    /// <param name="request">The job.</param>
    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c> (up to 255 characters): a replay answers with the job
    /// first created, so the call is also retried on transient errors.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiResult<JobResponse>> CreateAsync(CreateJobRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = ApiRequest.Post(Jobs, request);
        if (idempotencyKey is not null)
        {
            call.WithIdempotencyKey(idempotencyKey);
        }

        return Send<JobResponse>(call, cancellationToken);
    }

    /// <summary><c>GET /api/v1/jobs/{id}</c>: the job.</summary>
    public Task<ApiResult<JobResponse>> GetAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        Send<JobResponse>(ApiRequest.Get(JobPath(jobId)), cancellationToken);

    /// <summary>
    /// <c>GET /api/v1/jobs/{id}</c> with <c>If-None-Match</c>: the job and its entity tag, or, when it is unchanged
    /// since <paramref name="etag"/>, a snapshot that is <see cref="JobSnapshot.NotModified"/> (a 304).
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="etag">The <see cref="JobSnapshot.ETag"/> of an earlier read; <see langword="null"/> always reads the job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ApiResult<JobSnapshot>> GetAsync(Guid jobId, string? etag, CancellationToken cancellationToken = default)
    {
        var request = ApiRequest.Get(JobPath(jobId));
        if (etag is not null)
        {
            request.WithHeader("If-None-Match", etag);
        }

        var headers = ResponseHeaders.Capture();
        var result = await Send<JobResponse>(request, cancellationToken).ConfigureAwait(false);
        var current = headers.Headers?.ETag?.ToString() ?? etag;
        if (result.TryGetValue(out var job))
        {
            return ApiResult.Success(new JobSnapshot(job, current));
        }

        return result.Error!.StatusCode == HttpStatusCode.NotModified
            ? ApiResult.Success(new JobSnapshot(null, current), HttpStatusCode.NotModified)
            : ApiResult.Failure<JobSnapshot>(result.Error!);
    }

    /// <summary><c>GET /api/v1/jobs</c>: one page of jobs, newest first.</summary>
    /// <param name="status">Only jobs in this status.</param>
    /// <param name="limit">Page size, 1 to 1000 (server default 100).</param>
    /// <param name="offset">Jobs to skip (server default 0).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiResult<Page<JobResponse>>> ListAsync(JobStatus? status = null, int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        Send<Page<JobResponse>>(ApiRequest.Get(Jobs).WithQuery("status", Query.Value(status)).Page(limit, offset), cancellationToken);

    /// <summary>Every job (in <paramref name="status"/>, if given), page after page.</summary>
    /// <exception cref="ApiException">A page could not be read.</exception>
    public IAsyncEnumerable<JobResponse> ListAllAsync(JobStatus? status = null, int pageSize = Query.DefaultPageSize, CancellationToken cancellationToken = default) =>
        _connection.Api.All<JobResponse>(_connection.AsTenant(ApiRequest.Get(Jobs).WithQuery("status", Query.Value(status))), pageSize, cancellationToken);

    /// <summary><c>POST /api/v1/jobs/{id}/cancel</c>: asks the job to stop; a finished job is a 409.</summary>
    public Task<ApiResult<JobResponse>> CancelAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        Send<JobResponse>(ApiRequest.Post(JobPath(jobId) + "/cancel"), cancellationToken);

    /// <summary>
    /// <c>POST /api/v1/jobs/{id}/retry</c>: queues a <c>failed</c> or <c>completed_with_errors</c> job again
    /// (any other status is a 409).
    /// </summary>
    /// <param name="jobId">The job.</param>
    /// <param name="failedOnly">Re-run only the failed batches (<see langword="true"/>, the server's default) or all of them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiResult<RetryResponse>> RetryAsync(Guid jobId, bool failedOnly = true, CancellationToken cancellationToken = default) =>
        Send<RetryResponse>(ApiRequest.Post(JobPath(jobId) + "/retry").WithQuery("retry_failed_only", failedOnly ? "true" : "false"), cancellationToken);

    private static string JobPath(Guid jobId) => $"{Jobs}/{jobId}";

    private Task<ApiResult<T>> Send<T>(ApiRequest request, CancellationToken cancellationToken) =>
        _connection.Api.SendAsync<T>(_connection.AsTenant(request), cancellationToken);
}

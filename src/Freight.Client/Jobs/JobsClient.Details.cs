using Freight.Http;

namespace Freight.Client;

public sealed partial class JobsClient
{
    /// <summary><c>GET /api/v1/jobs/{id}/batches</c>: one page of the job's batches.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="status">Only batches in this status.</param>
    /// <param name="limit">Page size, 1 to 1000 (server default 100).</param>
    /// <param name="offset">Batches to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiResult<Page<BatchResponse>>> ListBatchesAsync(
        Guid jobId, BatchStatus? status = null, int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        Send<Page<BatchResponse>>(Batches(jobId, status).Page(limit, offset), cancellationToken);

    /// <summary>Every batch of the job (in <paramref name="status"/>, if given), page after page.</summary>
    /// <exception cref="ApiException">A page could not be read.</exception>
    public IAsyncEnumerable<BatchResponse> ListAllBatchesAsync(
        Guid jobId, BatchStatus? status = null, int pageSize = Query.DefaultPageSize, CancellationToken cancellationToken = default) =>
        _connection.Api.All<BatchResponse>(_connection.AsTenant(Batches(jobId, status)), pageSize, cancellationToken);

    /// <summary><c>GET /api/v1/jobs/{id}/logs</c>: one page of the job's log, oldest first.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="level">Only lines of this level.</param>
    /// <param name="limit">Page size, 1 to 1000 (server default 100).</param>
    /// <param name="offset">Lines to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiResult<Page<LogResponse>>> ListLogsAsync(
        Guid jobId, JobLogLevel? level = null, int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        Send<Page<LogResponse>>(Logs(jobId, level).Page(limit, offset), cancellationToken);

    /// <summary>Every line of the job's log (of <paramref name="level"/>, if given), page after page.</summary>
    /// <exception cref="ApiException">A page could not be read.</exception>
    public IAsyncEnumerable<LogResponse> ListAllLogsAsync(
        Guid jobId, JobLogLevel? level = null, int pageSize = Query.DefaultPageSize, CancellationToken cancellationToken = default) =>
        _connection.Api.All<LogResponse>(_connection.AsTenant(Logs(jobId, level)), pageSize, cancellationToken);

    /// <summary><c>GET /api/v1/jobs/{id}/failures</c>: one page of the records the job could not migrate.</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="entity">Only failures of this phase.</param>
    /// <param name="limit">Page size, 1 to 1000 (server default 100).</param>
    /// <param name="offset">Failures to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<ApiResult<Page<FailureResponse>>> ListFailuresAsync(
        Guid jobId, Phase? entity = null, int? limit = null, int? offset = null, CancellationToken cancellationToken = default) =>
        Send<Page<FailureResponse>>(Failures(jobId, entity).Page(limit, offset), cancellationToken);

    /// <summary>Every record the job could not migrate (of <paramref name="entity"/>, if given), page after page.</summary>
    /// <exception cref="ApiException">A page could not be read.</exception>
    public IAsyncEnumerable<FailureResponse> ListAllFailuresAsync(
        Guid jobId, Phase? entity = null, int pageSize = Query.DefaultPageSize, CancellationToken cancellationToken = default) =>
        _connection.Api.All<FailureResponse>(_connection.AsTenant(Failures(jobId, entity)), pageSize, cancellationToken);

    private static ApiRequest Batches(Guid jobId, BatchStatus? status) =>
        ApiRequest.Get(JobPath(jobId) + "/batches").WithQuery("status", Query.Value(status));

    private static ApiRequest Logs(Guid jobId, JobLogLevel? level) =>
        ApiRequest.Get(JobPath(jobId) + "/logs").WithQuery("level", Query.Value(level));

    private static ApiRequest Failures(Guid jobId, Phase? entity) =>
        ApiRequest.Get(JobPath(jobId) + "/failures").WithQuery("entity", Query.Value(entity));
}

namespace Freight.Client;

/// <summary>A tenant's statistics.</summary>
/// <param name="TotalJobs">Jobs the tenant has.</param>
/// <param name="JobsByStatus">Jobs per status, keyed by the status in snake_case (<c>completed_with_errors</c>).</param>
/// <param name="RecordsProcessed">Records handled by all jobs.</param>
/// <param name="RecordsMoved">Records written to a target (processed, less failed and skipped).</param>
/// <param name="RecordsFailed">Records that failed.</param>
/// <param name="RecordsSkipped">Records skipped.</param>
/// <param name="RecordsPerSecond">Throughput of finished jobs that ran; <see langword="null"/> before any did.</param>
public sealed record StatsResponse(
    int TotalJobs,
    IReadOnlyDictionary<string, int> JobsByStatus,
    long RecordsProcessed,
    long RecordsMoved,
    long RecordsFailed,
    long RecordsSkipped,
    double? RecordsPerSecond);

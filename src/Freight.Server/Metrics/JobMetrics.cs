using System.Data.Common;
using System.Text;
using Freight.Core;
using Freight.Core.Domain;
using Freight.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Freight.Server.Metrics;

/// <summary>
/// Gauges read from the database at each scrape, over all tenants: jobs by status, and their records by outcome
/// (processed, i.e. moved, failed and skipped). <c>freight_database_up</c> is 0 when the query failed.
/// </summary>
internal static partial class JobMetrics
{
    public static async Task WriteToAsync(StringBuilder output, IDbContextFactory<FreightDbContext> contexts, ILogger logger, CancellationToken cancellationToken)
    {
        List<StatusRow> rows;
        try
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            rows = await context.Jobs.AsNoTracking()
                .GroupBy(job => job.Status)
                .Select(group => new StatusRow(group.Key, group.Count(), group.Sum(job => job.ProcessedRecords), group.Sum(job => job.FailedRecords), group.Sum(job => job.SkippedRecords)))
                .ToListAsync(cancellationToken);
        }
        catch (Exception error) when (error is DbException or InvalidOperationException)
        {
            LogQueryFailed(logger, error);
            PrometheusText.Family(output, "freight_database_up", "gauge", "1 when the database answered this scrape's queries.");
            PrometheusText.Sample(output, "freight_database_up", "", 0);
            return;
        }

        PrometheusText.Family(output, "freight_database_up", "gauge", "1 when the database answered this scrape's queries.");
        PrometheusText.Sample(output, "freight_database_up", "", 1);
        PrometheusText.Family(output, "freight_jobs", "gauge", "Jobs of all tenants, by status.");
        foreach (var status in Enum.GetValues<JobStatus>())
        {
            var count = rows.Where(row => row.Status == status).Sum(row => row.Jobs);
            PrometheusText.Sample(output, "freight_jobs", Label("status", SnakeCase.Name(status)), count);
        }

        PrometheusText.Family(output, "freight_job_records", "gauge", "Records of all jobs, by outcome: processed (moved), failed, skipped.");
        PrometheusText.Sample(output, "freight_job_records", Label("outcome", "processed"), rows.Sum(row => row.Processed));
        PrometheusText.Sample(output, "freight_job_records", Label("outcome", "failed"), rows.Sum(row => row.Failed));
        PrometheusText.Sample(output, "freight_job_records", Label("outcome", "skipped"), rows.Sum(row => row.Skipped));
    }

    private static string Label(string name, string value) => PrometheusText.Labels([KeyValuePair.Create(name, value)]);

    private sealed record StatusRow(JobStatus Status, int Jobs, long Processed, long Failed, long Skipped);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Metrics: the job counts could not be read from the database")]
    private static partial void LogQueryFailed(ILogger logger, Exception error);
}

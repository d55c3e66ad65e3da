using System.Globalization;
using System.Text.Json;
using Freight.Core.Domain;
using Freight.Core.Jobs;
using Freight.Server.Auth;
using Freight.Server.Errors;
using Freight.Server.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Freight.Server.Jobs;

/// <summary>
/// <c>GET /api/v1/jobs/{id}/events</c>: server-sent events of a job's progress. The job is read every
/// <see cref="PollInterval"/> of the server's clock; each change of its <see cref="Job.Version"/> is an
/// <c>event: progress</c> with the job's JSON (as <c>GET /jobs/{id}</c> shows it), a finished job ends the stream
/// with <c>event: end</c>, and a comment every <see cref="KeepAliveInterval"/> keeps idle proxies from closing it.
/// The caller's key is checked again on each read: once it is revoked or its tenant suspended, the stream ends with
/// <c>event: error</c> carrying the 401 error body any request with that key now gets.
/// </summary>
public static class JobEvents
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    internal const string KeyNoLongerValid = "The API key is no longer valid: it was revoked or its tenant suspended.";

    public static async Task<IResult> StreamAsync(Guid jobId, HttpContext context, JobStore jobs, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(time);
        var tenantId = context.Caller().TenantId;
        if (await jobs.FindAsync(tenantId, jobId, cancellationToken) is not { } job)
        {
            return JobsEndpoints.NotFound(jobId);
        }

        return new EventStream(job, tenantId, jobs, time);
    }

    private sealed class EventStream(Job first, Guid tenantId, JobStore jobs, TimeProvider time) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            var stopping = httpContext.RequestAborted;
            try
            {
                await RunAsync(httpContext, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The client went away: nothing to answer.
            }
        }

        private async Task RunAsync(HttpContext httpContext, CancellationToken stopping)
        {
            var response = httpContext.Response;
            var job = first;
            long? sent = null;
            var quietSince = time.GetUtcNow();
            while (true)
            {
                if (job.Version != sent)
                {
                    await WriteAsync(response, "progress", job, stopping);
                    sent = job.Version;
                    quietSince = time.GetUtcNow();
                }

                if (job.IsFinished)
                {
                    await WriteAsync(response, "end", job, stopping);
                    return;
                }

                if (time.GetUtcNow() - quietSince >= KeepAliveInterval)
                {
                    await response.WriteAsync(": keep-alive\n\n", stopping);
                    await response.Body.FlushAsync(stopping);
                    quietSince = time.GetUtcNow();
                }

                await Task.Delay(PollInterval, time, stopping);
                if (!await httpContext.IsKeyStillValidAsync(stopping))
                {
                    await WriteErrorAsync(httpContext, stopping);
                    return;
                }

                if (await jobs.FindAsync(tenantId, job.Id, stopping) is not { } fresh)
                {
                    return;
                }

                job = fresh;
            }
        }

        private static async Task WriteErrorAsync(HttpContext httpContext, CancellationToken stopping)
        {
            var json = JsonSerializer.Serialize(Problems.Body(httpContext, ErrorCodes.Unauthorized, KeyNoLongerValid), ServerJson.Options);
            await httpContext.Response.WriteAsync($"event: error\ndata: {json}\n\n", stopping);
            await httpContext.Response.Body.FlushAsync(stopping);
        }

        private static async Task WriteAsync(HttpResponse response, string name, Job job, CancellationToken stopping)
        {
            var json = JsonSerializer.Serialize(JobResponse.From(job), ServerJson.Options);
            var text = string.Create(CultureInfo.InvariantCulture, $"event: {name}\nid: {job.Version}\ndata: {json}\n\n");
            await response.WriteAsync(text, stopping);
            await response.Body.FlushAsync(stopping);
        }
    }
}

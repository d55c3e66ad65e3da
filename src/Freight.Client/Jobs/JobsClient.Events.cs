using System.IO.Pipelines;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Freight.Http;

namespace Freight.Client;

public sealed partial class JobsClient
{
    private const string ProgressEvent = "progress";
    private const string EndEvent = "end";

    /// <summary>
    /// <c>GET /api/v1/jobs/{id}/events</c>: the job's server-sent events. The first is the job as it is; then one per
    /// change, and <see cref="JobEventKind.End"/> when it finishes, after which the enumeration ends. It also ends when
    /// the server closes the stream (the job is gone). The server replays nothing on reconnecting (it starts from the
    /// job as it is), so a caller that wants to go on after a broken stream simply enumerates again.
    /// </summary>
    /// <exception cref="ApiException">The stream could not be opened (404 unknown job, 401…) or broke off.</exception>
    /// <exception cref="JsonException">An event's data was not a job.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async IAsyncEnumerable<JobEvent> EventsAsync(Guid jobId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = _connection.AsTenant(ApiRequest.Get(JobPath(jobId) + "/events")).WithHeader("Accept", "text/event-stream");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Freight.Http copies the body (through its retries, breaker and idle timeout) into a pipe the parser reads.
        var pipe = new Pipe();
        var copying = CopyAsync(request, pipe.Writer, stop.Token);
        try
        {
            var stream = pipe.Reader.AsStream(leaveOpen: true);
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(stop.Token).ConfigureAwait(false))
            {
                if (Read(item) is not { } jobEvent)
                {
                    continue;
                }

                yield return jobEvent;
                if (jobEvent.Kind == JobEventKind.End)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await copying.ConfigureAwait(false);
            await pipe.Reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task CopyAsync(ApiRequest request, PipeWriter writer, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var destination = writer.AsStream(leaveOpen: true);
            var result = await _connection.Api.DownloadAsync(request, destination, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                failure = result.Error.ToException();
            }
        }
        catch (OperationCanceledException cancelled)
        {
            failure = cancelled;
        }

        // The reader sees the failure when it reaches the end of what was copied.
        await writer.CompleteAsync(failure).ConfigureAwait(false);
    }

    private static JobEvent? Read(SseItem<string> item)
    {
        var kind = item.EventType switch
        {
            ProgressEvent => JobEventKind.Progress,
            EndEvent => JobEventKind.End,
            _ => (JobEventKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        var job = JsonSerializer.Deserialize<JobResponse>(item.Data, FreightJson.Options)
            ?? throw new JsonException($"The '{item.EventType}' event carried no job.");
        return new JobEvent(kind.Value, item.EventId, job);
    }
}

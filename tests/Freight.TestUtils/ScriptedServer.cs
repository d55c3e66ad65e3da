using Microsoft.AspNetCore.Http;

namespace Freight.TestUtils;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) that answers with scripted responses and records requests.
/// Per request: the path's queue, else the path's <see cref="Map"/> handler, else the global queue,
/// else <see cref="DefaultResponse"/>.
/// </summary>
public sealed partial class ScriptedServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Queue<ScriptedResponse> _queue = new();
    private readonly Dictionary<string, Queue<ScriptedResponse>> _pathQueues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<HttpContext, Task>> _handlers = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];
    private readonly AsyncSignal _requestRecorded = new();
    private ScriptedResponse _defaultResponse = ScriptedResponse.Json("{}");

    /// <summary>Answer used when nothing is queued or mapped for a request; initially 200 with <c>{}</c>.</summary>
    public ScriptedResponse DefaultResponse
    {
        get
        {
            lock (_lock)
            {
                return _defaultResponse;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_lock)
            {
                _defaultResponse = value;
            }
        }
    }

    /// <summary>Snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public int RequestCount
    {
        get
        {
            lock (_lock)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Appends to the global FIFO queue, used by any path without its own queued response or handler.</summary>
    public ScriptedServer Enqueue(params ScriptedResponse[] responses)
    {
        ValidateResponses(responses);
        lock (_lock)
        {
            foreach (var response in responses)
            {
                _queue.Enqueue(response);
            }
        }

        return this;
    }

    /// <summary>Appends to the FIFO queue of one exact path (e.g. "/items"); it takes precedence over everything else.</summary>
    public ScriptedServer Enqueue(string path, params ScriptedResponse[] responses)
    {
        ValidatePath(path);
        ValidateResponses(responses);
        lock (_lock)
        {
            if (!_pathQueues.TryGetValue(path, out var queue))
            {
                _pathQueues[path] = queue = new Queue<ScriptedResponse>();
            }

            foreach (var response in responses)
            {
                queue.Enqueue(response);
            }
        }

        return this;
    }

    /// <summary>Handles an exact path with custom code whenever the path's queue is empty.</summary>
    public ScriptedServer Map(string path, Func<HttpContext, Task> handler)
    {
        ValidatePath(path);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_lock)
        {
            _handlers[path] = handler;
        }

        return this;
    }

    /// <summary>Completes once at least <paramref name="count"/> requests have been received (signal-based).</summary>
    /// <param name="count">Total number of requests expected since the server started.</param>
    /// <param name="realTimeout">Real-time safety net (default 10 s); <see cref="TimeoutException"/> when exceeded.</param>
    public async Task WaitForRequestsAsync(int count, TimeSpan? realTimeout = null)
    {
        var budget = new RealTimeBudget(realTimeout);
        while (true)
        {
            Task recorded;
            lock (_lock)
            {
                if (_requests.Count >= count)
                {
                    return;
                }

                recorded = _requestRecorded.Next;
            }

            await budget.WaitAsync(recorded, () =>
                $"Expected at least {count} request(s) within {budget.Timeout} of real time, but received {RequestCount}.");
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = TimeProvider.System.GetUtcNow();
        var (response, handler) = Next(context.Request.Path.Value ?? "/");

        // Recorded before responding, so aborted and held requests are visible to the test too.
        var recorded = await RecordedRequest.CaptureAsync(context, receivedAt, keepBodyReadable: handler is not null);
        lock (_lock)
        {
            _requests.Add(recorded);
        }

        _requestRecorded.Pulse();
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        await (handler is not null ? handler(context) : response!.ExecuteAsync(context));
    }

    private (ScriptedResponse? Response, Func<HttpContext, Task>? Handler) Next(string path)
    {
        lock (_lock)
        {
            if (_pathQueues.TryGetValue(path, out var pathQueue) && pathQueue.TryDequeue(out var scripted))
            {
                return (scripted, null);
            }

            if (_handlers.TryGetValue(path, out var handler))
            {
                return (null, handler);
            }

            return (_queue.TryDequeue(out scripted) ? scripted : _defaultResponse, null);
        }
    }

    private static void ValidateResponses(ScriptedResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var response in responses)
        {
            ArgumentNullException.ThrowIfNull(response, nameof(responses));
        }
    }

    private static void ValidatePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"Paths are matched exactly against Request.Path and must start with '/': \"{path}\".", nameof(path));
        }
    }
}

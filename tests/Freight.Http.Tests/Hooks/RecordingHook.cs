using System.Collections.Concurrent;

namespace Freight.Http.Tests.Hooks;

/// <summary>Writes "B{name}" and "A{name}:{status}" to a shared log; optionally answers from BeforeAsync instead of sending.</summary>
internal sealed class RecordingHook(string name, ConcurrentQueue<string> log, Func<HttpResponseMessage>? shortCircuit = null) : IRequestHook
{
    public ValueTask<HttpResponseMessage?> BeforeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        log.Enqueue($"B{name}");
        return ValueTask.FromResult(shortCircuit?.Invoke());
    }

    public ValueTask AfterAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        log.Enqueue($"A{name}:{(int)response.StatusCode}");
        return ValueTask.CompletedTask;
    }
}

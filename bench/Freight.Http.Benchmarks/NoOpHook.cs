namespace Freight.Http.Benchmarks;

/// <summary>A hook that does nothing, so the benchmark pays for running the hook chain and nothing else.</summary>
internal sealed class NoOpHook : IRequestHook
{
    public ValueTask<HttpResponseMessage?> BeforeAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<HttpResponseMessage?>(null);

    public ValueTask AfterAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}

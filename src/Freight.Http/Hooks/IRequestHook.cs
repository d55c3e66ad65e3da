namespace Freight.Http;

/// <summary>
/// Middleware around every attempt. Hooks run in the order they were added: <see cref="BeforeAsync"/> first to last,
/// then the transport, then <see cref="AfterAsync"/> last to first. A hook short-circuits by returning a response
/// from <see cref="BeforeAsync"/>: later hooks and the transport are skipped, and the hooks that already ran still
/// see the response in <see cref="AfterAsync"/>.
/// </summary>
public interface IRequestHook
{
    /// <summary>Runs before an attempt is sent; may change the request, or return a response to send nothing.</summary>
    ValueTask<HttpResponseMessage?> BeforeAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<HttpResponseMessage?>(null);

    /// <summary>Runs after an attempt got a response (including a short-circuit response).</summary>
    ValueTask AfterAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}

namespace Freight.Http.Tests.Hooks;

/// <summary>A hook whose BeforeAsync runs a test's code on the outgoing request and lets it through.</summary>
internal sealed class DelegateHook(Action<HttpRequestMessage> before) : IRequestHook
{
    public ValueTask<HttpResponseMessage?> BeforeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        before(request);
        return ValueTask.FromResult<HttpResponseMessage?>(null);
    }
}

namespace Freight.Http.Tests.Transport;

/// <summary>A pass-through handler over a real <see cref="SocketsHttpHandler"/> that counts what it sends.</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public List<Version> Versions { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        lock (Versions)
        {
            Versions.Add(request.Version);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

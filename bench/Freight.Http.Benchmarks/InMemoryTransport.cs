using System.Net;
using System.Net.Http.Headers;

namespace Freight.Http.Benchmarks;

/// <summary>
/// A transport that answers every request with <see cref="Item.Json"/> without touching the network. It yields once
/// before answering, as a socket read would, so async methods above it complete asynchronously as they do on a
/// real connection.
/// </summary>
internal sealed class InMemoryTransport : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var content = new ReadOnlyMemoryContent(Item.Json);
        content.Headers.ContentType = JsonType;
        content.Headers.ContentLength = Item.Json.Length;
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content };
    }
}

using System.Net.Http.Headers;
using Freight.Http;

namespace Freight.Client;

/// <summary>
/// Hands a call's last response headers back to the SDK method that made it (Freight.Http's results carry a body,
/// not headers). The method sets a fresh capture in an <see cref="AsyncLocal{T}"/>, which flows into the call.
/// </summary>
internal sealed class ResponseHeaders
{
    private static readonly AsyncLocal<ResponseHeaders?> Current = new();

    public static IRequestHook Hook { get; } = new CaptureHook();

    public HttpResponseHeaders? Headers { get; private set; }

    /// <summary>Starts capturing for calls made from here on in this async flow.</summary>
    public static ResponseHeaders Capture()
    {
        var capture = new ResponseHeaders();
        Current.Value = capture;
        return capture;
    }

    private sealed class CaptureHook : IRequestHook
    {
        public ValueTask AfterAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (Current.Value is { } capture)
            {
                capture.Headers = response.Headers;
            }

            return ValueTask.CompletedTask;
        }
    }
}

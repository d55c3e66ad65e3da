using System.Collections.Concurrent;

namespace Freight.Http.Testing;

/// <summary>
/// An in-memory transport for testing code that uses <see cref="ApiClient"/>: a route table of scripted responses,
/// a record of every call with assertions, and fault and latency injection. Plug it in with
/// <c>options.PrimaryHandlerFactory = () =&gt; stub</c>. Unmatched requests get a 404 naming the request.
/// </summary>
public sealed class StubTransport(TimeProvider? timeProvider = null) : HttpMessageHandler
{
    private readonly List<StubRoute> _routes = [];
    private readonly ConcurrentQueue<StubCall> _calls = new();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Every call received, in order.</summary>
    public IReadOnlyList<StubCall> Calls => [.. _calls];

    /// <summary>Adds a route for <paramref name="method"/> and a path pattern (<c>/users/*</c>: <c>*</c> matches one segment, a trailing <c>**</c> the rest). Later routes win.</summary>
    public StubRoute On(HttpMethod method, string pathPattern)
    {
        var route = new StubRoute(method, pathPattern);
        lock (_routes)
        {
            _routes.Insert(0, route);
        }

        return route;
    }

    /// <summary>Adds a route for any method.</summary>
    public StubRoute OnAny(string pathPattern) => On(null!, pathPattern);

    /// <summary>How many calls matched <paramref name="method"/> and the path pattern.</summary>
    public int CountCalls(HttpMethod method, string pathPattern) =>
        _calls.Count(call => call.Method == method && StubRoute.PathMatches(pathPattern, call.Uri.AbsolutePath));

    /// <summary>Throws when the number of calls to <paramref name="method"/> and the path pattern is not <paramref name="times"/>.</summary>
    /// <exception cref="StubAssertionException">The count differs; the message lists the calls received.</exception>
    public void AssertCalled(HttpMethod method, string pathPattern, int times)
    {
        ArgumentNullException.ThrowIfNull(method);
        var actual = CountCalls(method, pathPattern);
        if (actual != times)
        {
            var received = string.Join(", ", _calls.Select(call => $"{call.Method} {call.Uri.AbsolutePath}"));
            throw new StubAssertionException($"Expected {times} call(s) to {method} {pathPattern} but got {actual}. Calls received: [{received}].");
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        _calls.Enqueue(new StubCall(request.Method, request.RequestUri!, body, [.. request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)))]));

        StubRoute? route;
        lock (_routes)
        {
            route = _routes.FirstOrDefault(r => r.Matches(request));
        }

        if (route is null)
        {
            return StubRoute.NotFound(request);
        }

        if (route.Latency > TimeSpan.Zero)
        {
            await Task.Delay(route.Latency, _time, cancellationToken).ConfigureAwait(false);
        }

        return route.NextResponse(request);
    }
}

/// <summary>A call received by a <see cref="StubTransport"/>.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The full request URI.</param>
/// <param name="Body">The request body as text, if any.</param>
/// <param name="Headers">The request headers.</param>
public sealed record StubCall(HttpMethod Method, Uri Uri, string? Body, IReadOnlyList<KeyValuePair<string, string>> Headers);

/// <summary>A failed <see cref="StubTransport"/> assertion.</summary>
public sealed class StubAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StubAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StubAssertionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public StubAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

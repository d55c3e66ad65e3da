using System.Net;
using System.Text;
using System.Text.Json;

namespace Freight.Http.Testing;

/// <summary>
/// One route of a <see cref="StubTransport"/>. Responses are served in the order they were added; the last one
/// repeats. <see cref="WithFaultRate"/> replaces a share of responses with 503s, <see cref="WithLatency"/> delays them.
/// </summary>
public sealed class StubRoute
{
    private readonly HttpMethod? _method;
    private readonly string _pattern;
    private readonly List<Func<HttpRequestMessage, HttpResponseMessage>> _responses = [];
    private int _served;
    private double _faultRate;
    private Random? _faults;

    internal StubRoute(HttpMethod? method, string pattern)
    {
        _method = method;
        _pattern = pattern;
    }

    internal TimeSpan Latency { get; private set; }

    /// <summary>Adds a response with a status and an optional JSON body and headers.</summary>
    public StubRoute Respond(HttpStatusCode status, string? json = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var pairs = headers?.ToArray() ?? [];
        return Respond(_ =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            foreach (var (name, value) in pairs)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });
    }

    /// <summary>Adds a 200 (or <paramref name="status"/>) response with <paramref name="value"/> as JSON.</summary>
    public StubRoute RespondJson<T>(T value, HttpStatusCode status = HttpStatusCode.OK) =>
        Respond(status, JsonSerializer.Serialize(value, JsonSerializerOptions.Web));

    /// <summary>Adds a response computed from the request.</summary>
    public StubRoute Respond(Func<HttpRequestMessage, HttpResponseMessage> responder)
    {
        ArgumentNullException.ThrowIfNull(responder);
        lock (_responses)
        {
            _responses.Add(responder);
        }

        return this;
    }

    /// <summary>Adds a network failure (an <see cref="HttpRequestException"/>, as a reset connection gives).</summary>
    public StubRoute FailWithNetworkError() =>
        Respond(request => throw new HttpRequestException($"Connection reset (stub) for {request.Method} {request.RequestUri?.AbsolutePath}."));

    /// <summary>Delays every response of this route by <paramref name="latency"/> on the transport's clock.</summary>
    public StubRoute WithLatency(TimeSpan latency)
    {
        Latency = latency;
        return this;
    }

    /// <summary>Answers a share <paramref name="rate"/> (0–1) of calls with 503 instead, chosen by a seeded generator so runs repeat.</summary>
    public StubRoute WithFaultRate(double rate, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        _faultRate = rate;
        _faults = new Random(seed);
        return this;
    }

    internal bool Matches(HttpRequestMessage request) =>
        (_method is null || _method == request.Method) && PathMatches(_pattern, request.RequestUri!.AbsolutePath);

    internal HttpResponseMessage NextResponse(HttpRequestMessage request)
    {
        Func<HttpRequestMessage, HttpResponseMessage>? responder;
        lock (_responses)
        {
            if (_faults is not null && _faults.NextDouble() < _faultRate)
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
            }

            responder = _responses.Count == 0 ? null : _responses[Math.Min(_served++, _responses.Count - 1)];
        }

        var response = responder?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.OK);
        response.RequestMessage = request;
        return response;
    }

    internal static HttpResponseMessage NotFound(HttpRequestMessage request) => new(HttpStatusCode.NotFound)
    {
        RequestMessage = request,
        Content = new StringContent(
            JsonSerializer.Serialize(new { error = "no_stub", message = $"No stub route matches {request.Method} {request.RequestUri?.AbsolutePath}." }),
            Encoding.UTF8,
            "application/json"),
    };

    internal static bool PathMatches(string pattern, string path)
    {
        var expected = pattern.Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] == "**")
            {
                return true;
            }

            if (i >= actual.Length || (expected[i] != "*" && !string.Equals(expected[i], actual[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return expected.Length == actual.Length;
    }
}

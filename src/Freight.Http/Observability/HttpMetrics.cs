using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Freight.Http;

/// <summary>The <c>Freight.Http</c> meter and activity source. Tags never carry URLs or credentials.</summary>
public static class HttpMetrics
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Freight.Http";

    internal static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("freight.http.client.requests", "{request}", "Calls completed, by outcome.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("freight.http.client.request.duration", "s", "Duration of calls, retries and waits included.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("freight.http.client.retries", "{retry}", "Attempts that were retried.");
    private static readonly Counter<long> CircuitTransitions = Meter.CreateCounter<long>("freight.http.client.circuit.transitions", "{transition}", "Circuit breaker state changes.");
    private static readonly Histogram<double> RateLimitWait = Meter.CreateHistogram<double>("freight.http.client.rate_limit.wait", "s", "Time calls waited for the rate limiter or a 429 pause.");

    internal static void RecordRequest(string client, HttpMethod method, string outcome, int? status, TimeSpan duration)
    {
        if (!Requests.Enabled && !Duration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "client", client },
            { "http.request.method", method.Method },
            { "outcome", outcome },
        };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        Requests.Add(1, tags);
        Duration.Record(duration.TotalSeconds, tags);
    }

    internal static void RecordRetry(string client, HttpMethod method) =>
        Retries.Add(1, new KeyValuePair<string, object?>("client", client), new KeyValuePair<string, object?>("http.request.method", method.Method));

    internal static void RecordCircuitState(string client, string key, CircuitState state) =>
        CircuitTransitions.Add(1, new("client", client), new("key", key), new KeyValuePair<string, object?>("state", state.ToString()));

    internal static void RecordRateLimitWait(string client, string key, TimeSpan wait)
    {
        if (RateLimitWait.Enabled)
        {
            RateLimitWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("client", client), new KeyValuePair<string, object?>("key", key));
        }
    }
}

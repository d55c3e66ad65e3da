using System.Text.Json;

namespace Freight.Http;

/// <summary>
/// Settings of an <see cref="ApiClient"/>. Plain values bind from configuration (<c>appsettings.json</c>, environment
/// variables); hooks, auth and the extension points are set in code. Validated when the client is created.
/// </summary>
public sealed class ApiClientOptions
{
    /// <summary>The base address that relative request paths resolve against; should end with <c>/</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Limit of one attempt, the response body included for buffered calls; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    /// <value>30 s</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit of the whole call, retries and their delays included; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    /// <value>2 min</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>For streamed responses: the longest wait for the next bytes of the body. Separate from the total timeout, so a long download that keeps moving is never cut off.</summary>
    /// <value>30 s</value>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retry settings.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Circuit breaker settings.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Rate limit settings.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Connection settings of the built-in <see cref="SocketsHttpHandler"/>.</summary>
    public TransportOptions Transport { get; set; } = new();

    /// <summary>Headers sent with every call.</summary>
    public IDictionary<string, string> DefaultHeaders { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether deserialized values are checked with their DataAnnotations attributes.</summary>
    /// <value><see langword="true"/></value>
    public bool ValidateDataAnnotations { get; set; } = true;

    /// <summary>Hooks run around every attempt, in order (see <see cref="IRequestHook"/>).</summary>
    public IList<IRequestHook> Hooks { get; } = [];

    /// <summary>Credentials applied to every attempt.</summary>
    public ApiAuth? Auth { get; set; }

    /// <summary>Serializer settings for bodies and responses. Give it a source-generated context's resolver for trimming-safe JSON.</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = JsonSerializerOptions.Web;

    /// <summary>The clock for every delay, timeout, breaker and limiter; replace it to test in virtual time.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The registry whose rate-limit keys this client shares; the process-wide one by default.</summary>
    public RateLimitRegistry RateLimitRegistry { get; set; } = RateLimitRegistry.Shared;

    /// <summary>Extension point: the transport. When set, it replaces the built-in <see cref="SocketsHttpHandler"/>, with or without dependency injection.</summary>
    public Func<HttpMessageHandler>? PrimaryHandlerFactory { get; set; }

    /// <summary>Throws when the options are inconsistent (say, an attempt timeout longer than the total timeout).</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = GetValidationErrors().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid ApiClientOptions: " + string.Join(" ", problems));
        }
    }

    internal IEnumerable<string> GetValidationErrors()
    {
        if (BaseAddress is { IsAbsoluteUri: false })
        {
            yield return "BaseAddress must be an absolute URI.";
        }

        if (AttemptTimeout <= TimeSpan.Zero && AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            yield return "AttemptTimeout must be positive or infinite.";
        }

        if (TotalTimeout <= TimeSpan.Zero && TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            yield return "TotalTimeout must be positive or infinite.";
        }

        if (TotalTimeout != Timeout.InfiniteTimeSpan && (AttemptTimeout == Timeout.InfiniteTimeSpan || AttemptTimeout > TotalTimeout))
        {
            yield return "AttemptTimeout must not be longer than TotalTimeout.";
        }

        if (StreamIdleTimeout <= TimeSpan.Zero && StreamIdleTimeout != Timeout.InfiniteTimeSpan)
        {
            yield return "StreamIdleTimeout must be positive or infinite.";
        }

        foreach (var problem in Retry.Validate().Concat(CircuitBreaker.Validate()).Concat(RateLimit.Validate()).Concat(Transport.Validate()))
        {
            yield return problem;
        }
    }
}

namespace Freight.Http;

/// <summary>How failed attempts are retried: exponential backoff with jitter, honouring <c>Retry-After</c>.</summary>
public sealed class RetryOptions
{
    /// <summary>Total attempts per call, the first one included; 1 disables retries.</summary>
    /// <value>4</value>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The delay before the first retry; each later retry doubles it.</summary>
    /// <value>200 ms</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between attempts. A <c>Retry-After</c> longer than this fails the call at once instead of waiting.</summary>
    /// <value>30 s</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of the backoff delay that is randomised either way (0.2 = ±20 %), so clients do not retry in lockstep.</summary>
    /// <value>0.2</value>
    public double JitterFactor { get; set; } = 0.2;

    /// <summary>Status codes that are retried; <see langword="null"/> means the defaults. Setting it (in code or configuration) replaces the defaults.</summary>
    /// <value>408, 429, 500, 502, 503, 504</value>
    public IReadOnlyList<int>? RetryOnStatusCodes { get; set; }

    /// <summary>Whether <c>Retry-After</c> and rate-limit reset headers set the delay before the next attempt.</summary>
    /// <value><see langword="true"/></value>
    public bool RespectRetryAfter { get; set; } = true;

    /// <summary>Headers read, in order, for a reset time when a 429 has no <c>Retry-After</c>: seconds to wait, or a Unix time in seconds. <see langword="null"/> means the default; setting it replaces the default.</summary>
    /// <value><c>X-RateLimit-Reset</c></value>
    public IReadOnlyList<string>? RateLimitResetHeaders { get; set; }

    /// <summary>Whether POST and PATCH are retried even without an idempotency key. Prefer <see cref="ApiRequest.IdempotencyKey"/> or <see cref="ApiRequest.AllowRetry"/> per request.</summary>
    /// <value><see langword="false"/></value>
    public bool RetryUnsafeMethods { get; set; }

    /// <summary>Source of randomness in [0, 1) for the jitter; replace it to make delays predictable in tests.</summary>
    public Func<double>? Randomizer { get; set; }

    // Defaults live here rather than in the properties: the configuration binder appends to a collection it finds.
    internal IReadOnlyList<int> StatusCodes => RetryOnStatusCodes ?? DefaultStatusCodes;

    internal IReadOnlyList<string> ResetHeaders => RateLimitResetHeaders ?? DefaultResetHeaders;

    private static readonly int[] DefaultStatusCodes = [408, 429, 500, 502, 503, 504];
    private static readonly string[] DefaultResetHeaders = ["X-RateLimit-Reset"];

    internal IEnumerable<string> Validate()
    {
        if (MaxAttempts < 1)
        {
            yield return "Retry.MaxAttempts must be at least 1.";
        }

        if (BaseDelay < TimeSpan.Zero)
        {
            yield return "Retry.BaseDelay must not be negative.";
        }

        if (MaxDelay < BaseDelay)
        {
            yield return "Retry.MaxDelay must not be shorter than Retry.BaseDelay.";
        }

        if (JitterFactor is < 0 or > 1)
        {
            yield return "Retry.JitterFactor must be between 0 and 1.";
        }
    }
}

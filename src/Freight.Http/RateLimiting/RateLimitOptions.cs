using System.Threading.RateLimiting;

namespace Freight.Http;

/// <summary>
/// Client-side rate limiting: a token bucket of <see cref="PermitLimit"/> requests per <see cref="Period"/>, shared by
/// every client in the process that uses the same <see cref="Key"/>. Calls wait in a bounded queue for a token rather
/// than fail, and a 429 from the server pauses the whole key for the time it names.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests allowed per <see cref="Period"/>; 0 turns the token bucket off (429 pauses still apply).</summary>
    /// <value>0</value>
    public int PermitLimit { get; set; }

    /// <summary>The period over which <see cref="PermitLimit"/> requests are allowed. Tokens come back evenly across it.</summary>
    /// <value>1 s</value>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tokens the bucket can hold for a burst; defaults to <see cref="PermitLimit"/>. Tokens come back in steps of at least 10 ms, and the bucket always holds at least one step's worth.</summary>
    public int? Burst { get; set; }

    /// <summary>Calls that may wait for a token; one more is refused with <see cref="ApiRateLimitException"/>.</summary>
    /// <value>10000</value>
    public int QueueLimit { get; set; } = 10_000;

    /// <summary>
    /// The key whose budget calls share. Defaults to the request URI's authority (host and port). The first client to
    /// use a key sets its limit; clients sharing a key should use the same settings.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// Whether a retry takes a token of its own, as the first attempt does. Off, a call takes one token however many
    /// attempts it makes; on, every request sent counts against the budget, as most servers count it.
    /// </summary>
    /// <value><see langword="false"/></value>
    public bool ChargeRetries { get; set; }

    /// <summary>Whether a 429 pauses every call on the key until the server's <c>Retry-After</c> passes.</summary>
    /// <value><see langword="true"/></value>
    public bool PauseOnTooManyRequests { get; set; } = true;

    /// <summary>The pause after a 429 that names no wait.</summary>
    /// <value>1 s</value>
    public TimeSpan DefaultPause { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Extension point: creates the limiter for a key instead of the built-in token bucket. Called once per key per
    /// process; the limiter is kept for the life of the process. A lease is held for the whole call.
    /// </summary>
    public Func<string, RateLimiter>? LimiterFactory { get; set; }

    internal IEnumerable<string> Validate()
    {
        if (PermitLimit < 0)
        {
            yield return "RateLimit.PermitLimit must not be negative.";
        }

        if (Period <= TimeSpan.Zero)
        {
            yield return "RateLimit.Period must be positive.";
        }

        if (Burst is < 1)
        {
            yield return "RateLimit.Burst must be at least 1.";
        }

        if (QueueLimit < 0)
        {
            yield return "RateLimit.QueueLimit must not be negative.";
        }
    }
}

namespace Freight.Server.RateLimits;

/// <summary>
/// A fixed window: at most <see cref="Limit"/> requests in each <see cref="Length"/>, windows aligned to the Unix
/// epoch. <see cref="Counts"/> names what is counted, as in "100 requests per minute".
/// </summary>
public sealed record RateLimitWindow(int Limit, TimeSpan Length, string Counts, bool JobCreationOnly = false)
{
    /// <summary>The number of the window <paramref name="now"/> falls in.</summary>
    internal long IndexAt(DateTimeOffset now) => (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / Length.Ticks;

    /// <summary>When window <paramref name="index"/> ends and the count starts again.</summary>
    internal DateTimeOffset EndOf(long index) => DateTimeOffset.UnixEpoch + (Length * (index + 1));
}

/// <summary>
/// What a request got from the limiter. The numbers describe the tightest window that applies: the one with the
/// fewest requests left, and of those the one that resets last (the one a client has to wait for).
/// </summary>
public sealed record RateLimitDecision(bool Allowed, RateLimitWindow Window, int Remaining, DateTimeOffset ResetAt, TimeSpan RetryAfter)
{
    public int Limit => Window.Limit;
}

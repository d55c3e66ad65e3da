namespace Freight.Core.Domain;

/// <summary>How often and how patiently a job retries a batch whose records failed transiently.</summary>
/// <param name="MaxAttempts">Attempts per batch, the first included (1–10).</param>
/// <param name="InitialBackoff">Wait before the second attempt; doubles per attempt up to <paramref name="MaxBackoff"/>.</param>
/// <param name="MaxBackoff">Longest wait between two attempts.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan InitialBackoff, TimeSpan MaxBackoff)
{
    public const int MaxAllowedAttempts = 10;

    public static RetryPolicy Default { get; } = new(3, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1));

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxAttempts, MaxAllowedAttempts, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBackoff, TimeSpan.Zero, nameof(InitialBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, InitialBackoff, nameof(MaxBackoff));
    }
}

using System.Collections.Concurrent;

namespace Freight.Http;

/// <summary>
/// The rate-limit keys of a process. Every <see cref="ApiClient"/> uses <see cref="Shared"/> unless given its own, so
/// two clients that name the same key share one budget and one 429 pause.
/// </summary>
public sealed class RateLimitRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RateLimitGate>> _gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The registry shared by the whole process.</summary>
    public static RateLimitRegistry Shared { get; } = new();

    /// <summary>When calls on <paramref name="key"/> may resume after a 429, or <see langword="null"/> when the key is not paused.</summary>
    public DateTimeOffset? GetPausedUntil(string key) =>
        _gates.TryGetValue(key, out var gate) ? gate.Value.PausedUntil : null;

    internal RateLimitGate GetOrCreate(string key, RateLimitOptions options, TimeProvider time) =>
        _gates.GetOrAdd(key, static (k, state) => new Lazy<RateLimitGate>(() => new RateLimitGate(k, state.options, state.time)), (options, time)).Value;

    /// <summary>Stops every key's limiter.</summary>
    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            if (gate.IsValueCreated)
            {
                gate.Value.Dispose();
            }
        }

        _gates.Clear();
    }
}

using System.Net;
using System.Net.Sockets;

namespace Freight.Server.Auth;

/// <summary>
/// Failed <c>X-Admin-Key</c> attempts per client address, on the server's <see cref="TimeProvider"/>: at most
/// <see cref="FailuresAllowed"/> in any <see cref="Window"/>. Past that every admin request from the address is
/// refused, whatever key it sends (so a guess cannot be confirmed during the block), and counts as an attempt too, so a
/// client that keeps trying stays refused; one that waits the <c>Retry-After</c> it was given gets one more attempt.
/// A success counts nothing. IPv6 addresses count by /64, the block one host usually holds.
/// </summary>
/// <remarks>
/// Hand-counted rather than with System.Threading.RateLimiting: its window and token-bucket limiters replenish on
/// <c>Stopwatch</c> time, which the server's <see cref="TimeProvider"/> does not move, and count only the permits
/// they grant, so the refused attempts of a block could not count. Memory: one entry of
/// <see cref="FailuresAllowed"/> timestamps per address, at most <c>maxAddresses</c>; when full, entries whose
/// attempts are all a window old go first, then the one that failed least recently.
/// </remarks>
public sealed class AdminThrottle(TimeProvider time, int maxAddresses = AdminThrottle.DefaultMaxAddresses)
{
    public const int FailuresAllowed = 10;
    public const int DefaultMaxAddresses = 10_000;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<IPAddress, Attempts> _addresses = [];

    /// <summary>Addresses with counted attempts (for tests of the memory bound).</summary>
    internal int TrackedAddresses
    {
        get
        {
            lock (_lock)
            {
                return _addresses.Count;
            }
        }
    }

    /// <summary>
    /// How long <paramref name="address"/> must wait when it is blocked (this attempt counted), or null when its
    /// key may be checked.
    /// </summary>
    public TimeSpan? Refusal(IPAddress? address)
    {
        var now = time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            if (!_addresses.TryGetValue(Key(address), out var attempts) || !attempts.IsFull(now))
            {
                return null;
            }

            attempts.Add(now);
            return TimeSpan.FromTicks(attempts.Oldest + Window.Ticks - now);
        }
    }

    /// <summary>Counts a failed attempt of <paramref name="address"/>.</summary>
    public void Fail(IPAddress? address)
    {
        var now = time.GetUtcNow().UtcTicks;
        var key = Key(address);
        lock (_lock)
        {
            if (!_addresses.TryGetValue(key, out var attempts))
            {
                MakeRoom(now);
                _addresses[key] = attempts = new Attempts();
            }

            attempts.Add(now);
        }
    }

    private void MakeRoom(long now)
    {
        if (_addresses.Count < maxAddresses)
        {
            return;
        }

        foreach (var (key, attempts) in _addresses)
        {
            if (attempts.Newest <= now - Window.Ticks)
            {
                _addresses.Remove(key);
            }
        }

        if (_addresses.Count >= maxAddresses)
        {
            _addresses.Remove(_addresses.MinBy(entry => entry.Value.Newest).Key);
        }
    }

    // IPv4 as itself (also when it arrives IPv4-mapped); IPv6 by its /64; no address (not a socket) as one client.
    private static IPAddress Key(IPAddress? address)
    {
        if (address is null)
        {
            return IPAddress.None;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    /// <summary>The last <see cref="FailuresAllowed"/> attempts' times, in a ring.</summary>
    private sealed class Attempts
    {
        private readonly long[] _ticks = new long[FailuresAllowed];
        private int _next;
        private int _count;

        public long Oldest => _ticks[_count < FailuresAllowed ? 0 : _next];

        public long Newest => _ticks[(_next + FailuresAllowed - 1) % FailuresAllowed];

        /// <summary>Whether the window ending at <paramref name="now"/> holds <see cref="FailuresAllowed"/> attempts.</summary>
        public bool IsFull(long now) => _count == FailuresAllowed && Oldest > now - Window.Ticks;

        public void Add(long now)
        {
            _ticks[_next] = now;
            _next = (_next + 1) % FailuresAllowed;
            _count = Math.Min(_count + 1, FailuresAllowed);
        }
    }
}

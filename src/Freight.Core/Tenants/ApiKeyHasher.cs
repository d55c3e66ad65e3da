using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Freight.Core.Domain;

namespace Freight.Core.Tenants;

/// <summary>
/// API keys' shape and hash. A key is <c>frt_</c>, an 8-character public prefix and a 40-character secret, all
/// base62 from the system's cryptographic generator. Only the prefix and HMAC-SHA256(server secret, key) are stored:
/// a database without the server secret reveals no key and allows no offline guessing.
/// </summary>
public sealed class ApiKeyHasher
{
    public const string Marker = "frt_";
    public const int SecretLength = 40;
    private const int MinSecretLength = 32;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly SearchValues<char> Base62 = SearchValues.Create(Alphabet);

    private readonly byte[] _serverSecret;

    public ApiKeyHasher(byte[] serverSecret)
    {
        ArgumentNullException.ThrowIfNull(serverSecret);
        if (serverSecret.Length < 32)
        {
            throw new ArgumentException("The server secret that keys are hashed with needs at least 32 bytes.", nameof(serverSecret));
        }

        _serverSecret = serverSecret;
    }

    /// <summary>A new key, to show once: <c>frt_</c> + prefix + secret.</summary>
    public static string NewKey() =>
        Marker + RandomNumberGenerator.GetString(Alphabet, ApiKey.PrefixLength) + RandomNumberGenerator.GetString(Alphabet, SecretLength);

    /// <summary>The key's public prefix when <paramref name="key"/> has a key's shape.</summary>
    public static bool TryGetPrefix(string key, [NotNullWhen(true)] out string? prefix)
    {
        ArgumentNullException.ThrowIfNull(key);
        prefix = null;
        if (!key.StartsWith(Marker, StringComparison.Ordinal)
            || key.Length < Marker.Length + ApiKey.PrefixLength + MinSecretLength
            || key.Length > Marker.Length + ApiKey.PrefixLength + 128
            || key.AsSpan(Marker.Length).ContainsAnyExcept(Base62))
        {
            return false;
        }

        prefix = key.Substring(Marker.Length, ApiKey.PrefixLength);
        return true;
    }

    public byte[] Hash(string key) => HMACSHA256.HashData(_serverSecret, Encoding.UTF8.GetBytes(key));

    /// <summary>Whether <paramref name="key"/> hashes to <paramref name="storedHash"/>, in constant time.</summary>
    public bool Matches(string key, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);
}

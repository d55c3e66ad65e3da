using System.Buffers.Binary;

namespace Freight.Sandbox.Attio;

/// <summary>What an id names; its value is written into the id, so ids of different kinds never collide.</summary>
internal enum IdKind : byte
{
    Workspace = 1,
    Token,
    Client,
    Member,
    Object,
    Attribute,
    Option,
    Status,
    Record,
    List,
    Entry,
    Note,
}

/// <summary>
/// Deterministic UUIDs: a kind and a counter, mixed into random-looking leading bytes. The same calls in the
/// same order give the same ids, and an id gives back its counter, so a lookup by id is an array index.
/// </summary>
internal static class AttioIds
{
    public static Guid Make(IdKind kind, long counter)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, Mix(((ulong)kind << 56) ^ (ulong)counter));
        bytes[6] = (byte)(0x40 | (bytes[6] & 0x0F)); // version 4 layout
        bytes[8] = (byte)(0x80 | (byte)kind); // RFC 4122 variant, then the kind
        for (var i = 0; i < 7; i++)
        {
            bytes[15 - i] = (byte)(counter >> (8 * i));
        }

        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The counter of an id of <paramref name="kind"/>, or false for any other UUID or text.</summary>
    public static bool TryRead(string? text, IdKind kind, out long counter)
    {
        counter = 0;
        if (!Guid.TryParse(text, out var id))
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        if (bytes[8] != (byte)(0x80 | (byte)kind))
        {
            return false;
        }

        for (var i = 9; i < 16; i++)
        {
            counter = (counter << 8) | bytes[i];
        }

        return counter > 0 && Make(kind, counter) == id;
    }

    // SplitMix64's finalizer: a bijection, so different counters give different leading bytes.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}

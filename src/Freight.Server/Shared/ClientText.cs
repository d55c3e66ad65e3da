namespace Freight.Server.Shared;

/// <summary>
/// What the client sent, as an error message may quote it: at most <see cref="MaxQuoted"/> characters and then an
/// ellipsis, so that a huge value is never echoed back (nor twice, in the message and in a detail).
/// </summary>
public static class ClientText
{
    /// <summary>Characters of a client's value a message quotes before cutting it.</summary>
    public const int MaxQuoted = 40;

    private const string Ellipsis = "…";

    /// <summary><paramref name="value"/> in single quotes, cut to <see cref="MaxQuoted"/> characters: <c>'ccc…'</c>.</summary>
    public static string Quote(string? value) => $"'{Cut(value, MaxQuoted)}'";

    /// <summary><paramref name="value"/> itself when it has at most <paramref name="max"/> characters, else its first ones and an ellipsis.</summary>
    public static string Cut(string? value, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (value is null || value.Length <= max)
        {
            return value ?? "";
        }

        // Never split a surrogate pair: half a character is not valid text.
        var length = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return string.Concat(value.AsSpan(0, length), Ellipsis);
    }
}

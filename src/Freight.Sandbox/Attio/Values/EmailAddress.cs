namespace Freight.Sandbox.Attio;

/// <summary>Strict email syntax, as Attio validates <c>email-address</c> values (B5).</summary>
internal static class EmailAddress
{
    public static bool IsValid(string? text) => TrySplit(text, out _, out _);

    /// <summary>Splits a valid address into its local part and its domain, both lowercased.</summary>
    public static bool TrySplit(string? text, out string local, out string domain)
    {
        local = domain = "";
        if (string.IsNullOrEmpty(text) || text.Length > 254)
        {
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@') || at > 64)
        {
            return false;
        }

        local = text[..at].ToLowerInvariant();
        domain = text[(at + 1)..].ToLowerInvariant();
        return IsLocalPart(local) && DomainName.IsHost(domain);
    }

    private static bool IsLocalPart(string local)
    {
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}

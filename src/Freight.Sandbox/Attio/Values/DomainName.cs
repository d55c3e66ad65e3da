namespace Freight.Sandbox.Attio;

/// <summary>Host names as Attio stores <c>domain</c> values: lowercased, without scheme, path or query (B5).</summary>
internal static class DomainName
{
    // Second-level suffixes under which the registrable ("root") domain has three labels. Attio uses the
    // public suffix list; this short list covers the suffixes a sandbox meets [UNCONFIRMED in detail].
    private static readonly HashSet<string> TwoLabelSuffixes = new(StringComparer.Ordinal)
    {
        "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.jp", "ne.jp", "or.jp", "co.nz",
        "com.br", "com.cn", "com.mx", "co.in", "co.za", "com.sg", "com.hk", "co.kr", "com.tr", "co.il",
    };

    /// <summary>The host of a domain or URL, or null when it is not a valid host name.</summary>
    public static string? Normalize(string text)
    {
        var host = text.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var end = host.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            host = host[..end];
        }

        var colon = host.LastIndexOf(':');
        if (colon >= 0)
        {
            host = host[..colon];
        }

        host = host.TrimEnd('.').ToLowerInvariant();
        return IsHost(host) ? host : null;
    }

    public static string Root(string host)
    {
        var labels = host.Split('.');
        var keep = labels.Length >= 3 && TwoLabelSuffixes.Contains(labels[^2] + "." + labels[^1]) ? 3 : 2;
        return labels.Length <= keep ? host : string.Join('.', labels[^keep..]);
    }

    /// <summary>Dot-separated labels of letters, digits and inner hyphens, ending in a top-level domain of letters.</summary>
    public static bool IsHost(string host)
    {
        if (host.Length is 0 or > 253)
        {
            return false;
        }

        var labels = host.Split('.');
        if (labels.Length < 2 || labels[^1].Length < 2 || !labels[^1].All(char.IsAsciiLetter))
        {
            return false;
        }

        return labels.All(label => label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}

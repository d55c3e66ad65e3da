using System.Globalization;
using System.Text;

namespace Freight.Server.Metrics;

/// <summary>
/// Writing the Prometheus text exposition format 0.0.4: metric and label names, escaped label values and help
/// text, and numbers (<c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>).
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary><c>freight.http.client.request.duration</c> in <c>s</c> → <c>freight_http_client_request_duration_seconds</c>; counters end in <c>_total</c>.</summary>
    public static string MetricName(string instrumentName, string? unit, bool counter)
    {
        ArgumentNullException.ThrowIfNull(instrumentName);
        var name = Sanitize(instrumentName);
        if (unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal))
        {
            name += "_seconds";
        }

        return counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    /// <summary>Letters, digits and underscores only, not starting with a digit (<c>http.request.method</c> → <c>http_request_method</c>).</summary>
    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary><c>{a="1",b="x\"y"}</c> from name/value pairs sorted by name; empty for none.</summary>
    public static string Labels(IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var parts = labels.OrderBy(label => label.Key, StringComparer.Ordinal)
            .Select(label => $"{Sanitize(label.Key)}=\"{EscapeLabelValue(label.Value)}\"")
            .ToList();
        return parts.Count == 0 ? "" : "{" + string.Join(',', parts) + "}";
    }

    /// <summary>Adds <paramref name="name"/>=<paramref name="value"/> to already rendered <paramref name="labels"/>.</summary>
    public static string WithLabel(string labels, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var pair = $"{name}=\"{EscapeLabelValue(value)}\"";
        return labels.Length == 0 ? "{" + pair + "}" : labels[..^1] + "," + pair + "}";
    }

    public static string EscapeLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    public static string EscapeHelp(string help)
    {
        ArgumentNullException.ThrowIfNull(help);
        return help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Writes <c># HELP</c> and <c># TYPE</c> of one family.</summary>
    public static void Family(StringBuilder output, string name, string type, string help)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        output.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    /// <summary>Writes one sample line.</summary>
    public static void Sample(StringBuilder output, string name, string labels, double value)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Append(name).Append(labels).Append(' ').Append(Number(value)).Append('\n');
    }
}

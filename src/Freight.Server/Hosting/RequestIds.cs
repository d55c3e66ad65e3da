using System.Text.RegularExpressions;

namespace Freight.Server.Hosting;

/// <summary>
/// <c>X-Request-ID</c> on every answer: a valid inbound one (1–128 of letters, digits and <c>._:-</c>) is kept,
/// anything else replaced by <c>req_</c> and 32 hex digits. Error bodies and request logs carry the same id.
/// </summary>
public static partial class RequestIds
{
    public const string Header = "X-Request-ID";
    private const string ItemKey = "Freight.RequestId";

    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as string ?? Assign(context);
    }

    /// <summary>Middleware: assigns the id before anything else runs and sends it with the answer.</summary>
    public static Task AssignAsync(HttpContext context, RequestDelegate next)
    {
        var id = Assign(context);
        context.Response.Headers[Header] = id;
        return next(context);
    }

    private static string Assign(HttpContext context)
    {
        var inbound = context.Request.Headers[Header].ToString();
        var id = ValidId().IsMatch(inbound) ? inbound : "req_" + Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        return id;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidId();
}

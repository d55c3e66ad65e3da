using System.Globalization;
using System.Security.Cryptography;
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
    private static readonly ulong ProcessPart = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
    private static long _counter;

    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as string ?? Assign(context);
    }

    /// <summary>
    /// Middleware: assigns the id before anything else runs and sends it with the answer, set as the answer starts
    /// so that an error answer, which clears the headers, still carries it.
    /// </summary>
    public static Task AssignAsync(HttpContext context, RequestDelegate next)
    {
        Assign(context);
        context.Response.OnStarting(
            static state =>
            {
                var http = (HttpContext)state;
                http.Response.Headers[Header] = Of(http);
                return Task.CompletedTask;
            },
            context);
        return next(context);
    }

    private static string Assign(HttpContext context)
    {
        var inbound = context.Request.Headers[Header].ToString();
        var id = inbound.Length > 0 && ValidId().IsMatch(inbound) ? inbound : NewId();
        context.Items[ItemKey] = id;
        return id;
    }

    /// <summary>
    /// <c>req_</c>, 16 hex digits drawn at random when the process starts and 16 of a counter: unique across
    /// processes and restarts without drawing random numbers per request.
    /// </summary>
    private static string NewId() =>
        string.Create(CultureInfo.InvariantCulture, $"req_{ProcessPart:x16}{(ulong)Interlocked.Increment(ref _counter):x16}");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidId();
}

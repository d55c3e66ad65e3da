using Freight.Server.Hosting;
using Freight.Server.Shared;

namespace Freight.Server.Errors;

/// <summary>Results in the <see cref="ApiError"/> shape, for endpoints and filters.</summary>
public static class Problems
{
    public static IResult Status(int status, string code, string message, IReadOnlyList<ErrorDetail>? details = null) =>
        new ProblemResult(status, code, message, details ?? []);

    public static IResult NotFound(string message) => Status(StatusCodes.Status404NotFound, ErrorCodes.NotFound, message);

    public static IResult Conflict(string message) => Status(StatusCodes.Status409Conflict, ErrorCodes.Conflict, message);

    public static IResult Unauthorized(string message) => Status(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, message);

    /// <summary>422: one detail per bad field.</summary>
    public static IResult Validation(IReadOnlyList<ErrorDetail> details) => Status(
        StatusCodes.Status422UnprocessableEntity,
        ErrorCodes.ValidationError,
        details.Count == 1 ? details[0].Message : $"{details.Count} fields are not valid.",
        details);

    /// <summary>The longest message an error body holds; messages quote client input through <see cref="ClientText"/>.</summary>
    public const int MaxMessageLength = 500;

    /// <summary>The longest field name an error detail holds.</summary>
    public const int MaxFieldLength = 100;

    /// <summary>Writes the error body for <paramref name="status"/> to a response that has not started.</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string message, IReadOnlyList<ErrorDetail>? details = null)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Body(context, code, message, details), ServerJson.Options, context.RequestAborted);
    }

    /// <summary>The error body of <paramref name="context"/>'s request, for answers that carry it elsewhere (an event stream's last event).</summary>
    public static ApiError Body(HttpContext context, string code, string message, IReadOnlyList<ErrorDetail>? details = null) => new(
        code, ClientText.Cut(message, MaxMessageLength), Bounded(details ?? []), RequestIds.Of(context), context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());

    // The last line against echoing a huge input: text built elsewhere (a connector's config check, a framework
    // message) is cut too, so no error body grows with the request.
    private static IReadOnlyList<ErrorDetail> Bounded(IReadOnlyList<ErrorDetail> details)
    {
        if (details.All(detail => detail.Message.Length <= MaxMessageLength && (detail.Field?.Length ?? 0) <= MaxFieldLength))
        {
            return details;
        }

        return [.. details.Select(detail => detail with
        {
            Message = ClientText.Cut(detail.Message, MaxMessageLength),
            Field = detail.Field is null ? null : ClientText.Cut(detail.Field, MaxFieldLength),
        })];
    }

    private sealed class ProblemResult(int status, string code, string message, IReadOnlyList<ErrorDetail> details) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, code, message, details);
    }
}

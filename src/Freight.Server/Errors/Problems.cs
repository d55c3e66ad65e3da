using Freight.Server.Hosting;

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

    /// <summary>Writes the error body for <paramref name="status"/> to a response that has not started.</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string message, IReadOnlyList<ErrorDetail>? details = null)
    {
        context.Response.StatusCode = status;
        var error = new ApiError(code, message, details ?? [], RequestIds.Of(context), context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        return context.Response.WriteAsJsonAsync(error, ServerJson.Options, context.RequestAborted);
    }

    private sealed class ProblemResult(int status, string code, string message, IReadOnlyList<ErrorDetail> details) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, code, message, details);
    }
}

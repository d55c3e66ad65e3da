using System.Net;
using Polly.Timeout;

namespace Freight.Http;

/// <summary>Which outcomes are transient, and how a final outcome becomes an <see cref="ApiError"/>.</summary>
internal static class Outcomes
{
    public static bool IsTransient(Exception exception) =>
        (exception is HttpRequestException or IOException or TimeoutRejectedException
            || (exception is OperationCanceledException && exception.InnerException is TimeoutException))
        && NotAllowed(exception) is null;

    /// <summary>The connect policy's refusal behind <paramref name="exception"/> (the handler wraps it), or null.</summary>
    public static ConnectionNotAllowedException? NotAllowed(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is ConnectionNotAllowedException notAllowed)
            {
                return notAllowed;
            }
        }

        return null;
    }

    public static bool IsBreakerFailure(HttpStatusCode status, bool countRateLimit) =>
        (int)status >= 500 || status == HttpStatusCode.RequestTimeout || (countRateLimit && status == HttpStatusCode.TooManyRequests);
}

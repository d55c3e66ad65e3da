using System.Net;
using Polly.Timeout;

namespace Freight.Http;

/// <summary>Which outcomes are transient, and how a final outcome becomes an <see cref="ApiError"/>.</summary>
internal static class Outcomes
{
    public static bool IsTransient(Exception exception) =>
        exception is HttpRequestException or IOException or TimeoutRejectedException
            || (exception is OperationCanceledException && exception.InnerException is TimeoutException);

    public static bool IsBreakerFailure(HttpStatusCode status, bool countRateLimit) =>
        (int)status >= 500 || status == HttpStatusCode.RequestTimeout || (countRateLimit && status == HttpStatusCode.TooManyRequests);
}

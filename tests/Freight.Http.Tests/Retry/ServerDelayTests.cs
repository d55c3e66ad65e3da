using System.Globalization;
using System.Net;

namespace Freight.Http.Tests.Retry;

public sealed class ServerDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<string> ResetHeaders = ["X-RateLimit-Reset"];

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("120", 120)]
    public void Retry_After_seconds_are_taken_as_they_are(string header, int seconds)
    {
        using var response = Response(HttpStatusCode.ServiceUnavailable, ("Retry-After", header));

        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryDelays.FromResponse(response, ResetHeaders, Now));
    }

    [Fact]
    public void Retry_After_date_is_rounded_up_to_whole_seconds()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, ("Retry-After", Now.AddSeconds(3).ToString("R", CultureInfo.InvariantCulture)));

        Assert.Equal(TimeSpan.FromSeconds(3), RetryDelays.FromResponse(response, ResetHeaders, Now.AddMilliseconds(1)));
    }

    [Fact]
    public void Retry_After_date_in_the_past_means_no_wait()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, ("Retry-After", Now.AddMinutes(-1).ToString("R", CultureInfo.InvariantCulture)));

        Assert.Equal(TimeSpan.Zero, RetryDelays.FromResponse(response, ResetHeaders, Now));
    }

    [Fact]
    public void Retry_After_wins_over_a_reset_header()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, ("Retry-After", "2"), ("X-RateLimit-Reset", "9"));

        Assert.Equal(TimeSpan.FromSeconds(2), RetryDelays.FromResponse(response, ResetHeaders, Now));
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(-3, 0)]
    public void Reset_header_below_the_unix_threshold_is_seconds_to_wait(long header, int seconds)
    {
        using var response = Response(HttpStatusCode.TooManyRequests, ("X-RateLimit-Reset", header.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryDelays.FromResponse(response, ResetHeaders, Now));
    }

    [Fact]
    public void Reset_header_as_unix_time_is_rounded_up_to_whole_seconds()
    {
        var reset = Now.AddSeconds(10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var response = Response(HttpStatusCode.TooManyRequests, ("X-RateLimit-Reset", reset));

        Assert.Equal(TimeSpan.FromSeconds(10), RetryDelays.FromResponse(response, ResetHeaders, Now.AddMilliseconds(900)));
    }

    [Fact]
    public void Reset_headers_are_read_in_the_configured_order()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, ("RateLimit-Reset", "5"), ("X-RateLimit-Reset", "9"));

        Assert.Equal(TimeSpan.FromSeconds(5), RetryDelays.FromResponse(response, ["RateLimit-Reset", "X-RateLimit-Reset"], Now));
    }

    [Fact]
    public void Reset_header_is_ignored_unless_the_response_is_a_429()
    {
        using var response = Response(HttpStatusCode.ServiceUnavailable, ("X-RateLimit-Reset", "9"));

        Assert.Null(RetryDelays.FromResponse(response, ResetHeaders, Now));
    }

    [Fact]
    public void Response_without_hints_names_no_wait()
    {
        using var response = Response(HttpStatusCode.TooManyRequests);

        Assert.Null(RetryDelays.FromResponse(response, ResetHeaders, Now));
    }

    private static HttpResponseMessage Response(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}

namespace Freight.Http.Tests.Timeouts;

public sealed class TimeoutOptionsValidationTests
{
    [Fact]
    public void Attempt_timeout_longer_than_total_timeout_is_rejected_at_create()
    {
        var options = new ApiClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:1/"),
            AttemptTimeout = TimeSpan.FromSeconds(20),
            TotalTimeout = TimeSpan.FromSeconds(10),
        };

        var exception = Assert.Throws<ArgumentException>(() => ApiClient.Create(options));

        Assert.Contains("AttemptTimeout must not be longer than TotalTimeout", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_attempt_timeout_under_a_finite_total_timeout_is_rejected()
    {
        var options = new ApiClientOptions { AttemptTimeout = Timeout.InfiniteTimeSpan, TotalTimeout = TimeSpan.FromSeconds(10) };

        var exception = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("AttemptTimeout", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Non_positive_timeouts_are_rejected(int seconds)
    {
        var options = new ApiClientOptions { AttemptTimeout = TimeSpan.FromSeconds(seconds) };

        var exception = Assert.Throws<ArgumentException>(() => ApiClient.Create(options));

        Assert.Contains("AttemptTimeout must be positive or infinite", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attempt_timeout_equal_to_total_timeout_is_accepted()
    {
        var options = new ApiClientOptions { AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(10) };

        using var client = ApiClient.Create(options);

        Assert.Equal("default", client.Name);
    }

    [Fact]
    public void Both_timeouts_infinite_is_accepted()
    {
        var options = new ApiClientOptions { AttemptTimeout = Timeout.InfiniteTimeSpan, TotalTimeout = Timeout.InfiniteTimeSpan };

        var problems = options.GetValidationErrors();

        Assert.Empty(problems);
    }
}

namespace Freight.Http.Tests.Retry;

public sealed class BackoffDelayTests
{
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    // TimeSpan.FromMilliseconds(double) truncates to whole ticks, so a jittered value may sit one tick low.
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    [Fact]
    public void Backoff_without_jitter_doubles_from_the_base_delay()
    {
        var delays = Enumerable.Range(0, 5).Select(retry => RetryDelays.Backoff(retry, BaseDelay, MaxDelay, 0, 0.3));

        Assert.Equal([200, 400, 800, 1600, 3200], delays.Select(delay => delay.TotalMilliseconds));
    }

    [Fact]
    public void Backoff_without_jitter_is_capped_at_the_max_delay()
    {
        var max = TimeSpan.FromSeconds(1);

        var delays = Enumerable.Range(0, 7).Select(retry => RetryDelays.Backoff(retry, BaseDelay, max, 0, 0.9));

        Assert.Equal([200, 400, 800, 1000, 1000, 1000, 1000], delays.Select(delay => delay.TotalMilliseconds));
    }

    [Fact]
    public void Backoff_of_a_very_late_retry_stays_at_the_max_delay()
    {
        Assert.Equal(MaxDelay, RetryDelays.Backoff(500, BaseDelay, MaxDelay, 0, 0.5));
    }

    [Fact]
    public void Lowest_random_value_shortens_the_delay_by_the_jitter_factor()
    {
        var delay = RetryDelays.Backoff(1, BaseDelay, MaxDelay, 0.2, 0);

        AssertClose(TimeSpan.FromMilliseconds(320), delay);
    }

    [Fact]
    public void Highest_random_value_lengthens_the_delay_by_at_most_the_jitter_factor()
    {
        var delay = RetryDelays.Backoff(1, BaseDelay, MaxDelay, 0.2, Math.BitDecrement(1.0));

        Assert.InRange(delay, TimeSpan.FromMilliseconds(479.999), TimeSpan.FromMilliseconds(480));
    }

    [Fact]
    public void Random_value_of_one_half_leaves_the_delay_unjittered()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(800), RetryDelays.Backoff(2, BaseDelay, MaxDelay, 0.2, 0.5));
    }

    [Fact]
    public void Jitter_never_lifts_a_capped_delay_above_the_max_delay()
    {
        var max = TimeSpan.FromSeconds(1);

        var highest = RetryDelays.Backoff(10, BaseDelay, max, 0.2, Math.BitDecrement(1.0));
        var lowest = RetryDelays.Backoff(10, BaseDelay, max, 0.2, 0);

        Assert.Equal(max, highest);
        AssertClose(TimeSpan.FromMilliseconds(800), lowest);
    }

    [Fact]
    public void Jittered_delays_stay_within_bounds_for_any_random_value()
    {
        var random = new Random(20260101);
        var max = TimeSpan.FromSeconds(5);
        for (var i = 0; i < 20_000; i++)
        {
            var retry = random.Next(0, 12);
            var factor = random.NextDouble();
            var r = random.NextDouble();

            var delay = RetryDelays.Backoff(retry, BaseDelay, max, factor, r);

            var unjittered = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, retry), max.TotalMilliseconds);
            var low = TimeSpan.FromMilliseconds(unjittered * (1 - factor)) - OneTick;
            var high = TimeSpan.FromMilliseconds(Math.Min(unjittered * (1 + factor), max.TotalMilliseconds));
            Assert.InRange(delay, low, high);
            Assert.True(delay <= max, $"retry {retry}, factor {factor}, r {r}: {delay} exceeds {max}");
        }
    }

    private static void AssertClose(TimeSpan expected, TimeSpan actual) =>
        Assert.InRange(actual, expected - OneTick, expected + OneTick);
}

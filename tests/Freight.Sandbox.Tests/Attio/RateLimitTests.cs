using Freight.Sandbox.Attio;
using Freight.TestUtils;

namespace Freight.Sandbox.Tests.Attio;

public sealed class RateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Past_the_read_budget_429_carries_Retry_After_as_the_next_second()
    {
        var time = new ManualTimeProvider(Start);
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions
        {
            Speed = 3.0 / AttioSimulatorOptions.RealReadsPerSecond,
            TimeProvider = time,
        });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await harness.GetAsync("v2/self")).Status);
        }

        time.Advance(TimeSpan.FromMilliseconds(400));
        var limited = await harness.GetAsync("v2/self");

        limited.AssertError(429, "rate_limit_exceeded", "rate_limit_error");
        Assert.Equal("Rate limit exceeded, please try again later", limited.Body.GetProperty("message").GetString());
        Assert.Equal("Mon, 02 Mar 2026 09:30:01 GMT", string.Join(",", limited.Headers.GetValues("Retry-After")));
        Assert.Equal(Start.AddSeconds(1), limited.Headers.RetryAfter?.Date);

        time.Advance(TimeSpan.FromMilliseconds(599));
        Assert.Equal(429, (await harness.GetAsync("v2/self")).Status);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(200, (await harness.GetAsync("v2/self")).Status);
    }

    [Fact]
    public async Task Writes_have_their_own_budget_and_query_posts_count_as_reads()
    {
        var time = new ManualTimeProvider(Start);
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions
        {
            Speed = 0.04, // 4 reads/s, 1 write/s
            TimeProvider = time,
        });

        var write = await harness.PostAsync("v2/notes", "{}");
        var secondWrite = await harness.PostAsync("v2/notes", "{}");
        var queries = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            queries.Add((await harness.PostAsync("v2/objects/people/records/query", "{}")).Status == 429);
        }

        Assert.NotEqual(429, write.Status);
        secondWrite.AssertError(429, "rate_limit_exceeded", "rate_limit_error");
        Assert.Equal([false, false, false, false, true], queries);
    }

    [Fact]
    public async Task Speed_multiplies_the_budgets()
    {
        var time = new ManualTimeProvider(Start);
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions { Speed = 0.05, TimeProvider = time });

        var statuses = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await harness.GetAsync("v2/self")).Status);
        }

        Assert.Equal([200, 200, 200, 200, 200, 429], statuses);
        Assert.Equal(5, new AttioSimulatorOptions { Speed = 0.05 }.ReadsPerSecond);
    }

    [Fact]
    public void Options_refuse_invalid_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AttioSimulatorOptions { Speed = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new AttioSimulatorOptions { ApiKey = " " }.Validate());
        Assert.Throws<ArgumentException>(() => new AttioSimulatorOptions
        {
            WorkspaceMembers = [new("A", "B", "not-an-email")],
        }.Validate());
        Assert.Throws<ArgumentException>(() => new AttioSimulatorOptions
        {
            WorkspaceMembers = [new("A", "B", "a@b.co"), new("C", "D", "A@B.CO")],
        }.Validate());
    }

    [Fact]
    public async Task Sandbox_reset_gives_the_budgets_of_the_second_back()
    {
        await using var harness = await AttioHarness.StartAsync(new AttioSimulatorOptions
        {
            Speed = 1.0 / AttioSimulatorOptions.RealReadsPerSecond,
            TimeProvider = new ManualTimeProvider(Start),
        });
        var first = await harness.GetAsync("v2/self");
        var limited = await harness.GetAsync("v2/self");

        using var reset = await harness.Client.PostAsync("_sandbox/reset", content: null);
        var afterReset = await harness.GetAsync("v2/self");

        Assert.Equal([200, 429, 200], new[] { first.Status, limited.Status, afterReset.Status });
        Assert.True(reset.IsSuccessStatusCode);
    }
}

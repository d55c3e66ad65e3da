using static Freight.Connectors.Tests.Attio.Canonical;

namespace Freight.Connectors.Tests.Attio;

public sealed class AttioPacingTests
{
    [Fact]
    public async Task Writes_are_spread_at_writes_per_second_on_the_context_clock()
    {
        await using var attio = await AttioFixture.StartAsync();
        await using var target = attio.Target(writesPerSecond: 5);
        await attio.Time.RunAsync(target.EnsureSchemaAsync(new SourceSchema([], []), CancellationToken.None));
        attio.Time.Advance(TimeSpan.FromSeconds(1));

        var writes = Enumerable.Range(1, 3)
            .Select(i => target.WriteAsync(EntityKind.Companies, Company($"{i}", $"Company {i}"), CancellationToken.None))
            .ToList();
        var first = await Task.WhenAny(writes).WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = writes.Where(w => w != first).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        attio.Time.Advance(TimeSpan.FromMilliseconds(200));
        var second = await Task.WhenAny(waiting).WaitAsync(TimeSpan.FromSeconds(10));
        var third = waiting.Single(w => w != second);
        Assert.False(third.IsCompleted);

        attio.Time.Advance(TimeSpan.FromMilliseconds(200));
        await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(writes, w => Assert.IsType<WriteResult.Written>(w.Result));
        Assert.Equal(3, (await attio.CountsAsync()).GetProperty("records").GetProperty("companies").GetInt32());
    }
}

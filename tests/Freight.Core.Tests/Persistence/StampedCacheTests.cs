using Freight.Core.Persistence.Changes;

namespace Freight.Core.Tests.Persistence;

public sealed class StampedCacheTests
{
    [Fact]
    public void A_value_is_returned_only_under_the_stamp_it_was_stored_with()
    {
        var cache = new StampedCache<string, string?>(capacity: 10);
        cache.Set("key", new ChangeStamp(7), "seven");
        cache.Set("absent", new ChangeStamp(7), null);

        Assert.True(cache.TryGet("key", new ChangeStamp(7), out var hit));
        Assert.Equal("seven", hit);
        Assert.True(cache.TryGet("absent", new ChangeStamp(7), out var none));
        Assert.Null(none);
        Assert.False(cache.TryGet("key", new ChangeStamp(8), out _));
        Assert.False(cache.TryGet("key", new ChangeStamp(7, "snapshot"), out _));
        Assert.False(cache.TryGet("other", new ChangeStamp(7), out _));
    }

    [Fact]
    public void A_full_cache_starts_again_empty_rather_than_growing()
    {
        var cache = new StampedCache<int, int>(capacity: 3);
        for (var key = 0; key < 3; key++)
        {
            cache.Set(key, new ChangeStamp(1), key);
        }

        cache.Set(2, new ChangeStamp(2), 20);
        Assert.Equal(3, cache.Count);

        cache.Set(3, new ChangeStamp(2), 30);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet(3, new ChangeStamp(2), out var kept));
        Assert.Equal(30, kept);
        Assert.False(cache.TryGet(0, new ChangeStamp(1), out _));
    }
}

using Freight.TestUtils;

namespace Freight.Http.Tests.Streaming;

[Collection(MemoryMeasurementGroup.Name)]
public sealed class LargeStreamMemoryTests
{
    private const long ItemCount = 300_000;
    private const int SampleEvery = 5_000;
    private const long FirstId = 1_000_000;
    private const long RetainedBound = 64L * 1024 * 1024;

    // Every item is exactly 1,000 bytes of JSON (ids stay seven digits long), so the array body is just over 300 MB.
    private static readonly string Padding = new('x', 1_000 - """{"id":1000000,"payload":""}""".Length);

    [Fact]
    public async Task Json_array_of_300_MB_streams_every_item_with_flat_retained_memory()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(ScriptedResponse.JsonArrayStream(ItemCount, ItemJson));
        using var client = ApiClient.Create(TestClients.Options(server));
        var bodyBytes = 2 + (ItemCount * 1_000) + (ItemCount - 1);
        Assert.True(bodyBytes > 300_000_000, $"The body is {bodyBytes} bytes.");
        Assert.Equal(1_000, ItemJson(0).Length);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long count = 0;
        long idSum = 0;
        long maxSample = baseline;
        await foreach (var item in client.StreamJsonArrayAsync<Item>(ApiRequest.Get("export")))
        {
            Assert.Equal(FirstId + count, item!.Id);
            Assert.Equal(Padding.Length, item.Payload.Length);
            idSum += item.Id;
            if (++count % SampleEvery == 0)
            {
                // A full collection per sample: what is retained, not garbage a busy machine has not collected yet.
                maxSample = Math.Max(maxSample, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        Assert.Equal(ItemCount, count);
        Assert.Equal((FirstId * ItemCount) + (ItemCount * (ItemCount - 1) / 2), idSum);
        var growth = maxSample - baseline;
        Assert.True(growth < RetainedBound, $"Retained memory grew by {growth / (1024 * 1024)} MB while streaming a {bodyBytes / (1024 * 1024)} MB body.");
    }

    private static string ItemJson(long id) => $$"""{"id":{{FirstId + id}},"payload":"{{Padding}}"}""";

    private sealed record Item(long Id, string Payload);
}
